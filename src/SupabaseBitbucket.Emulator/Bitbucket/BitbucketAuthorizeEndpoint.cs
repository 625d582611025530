using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>
/// <c>/bitbucket/site/oauth2/authorize</c>: <c>GET</c> shows the consent page, or grants at once when
/// auto-consent is set; <c>POST</c> takes the user's choice. Both return to the Supabase callback, with
/// <c>code</c> and <c>state</c> on grant, or with <c>error=access_denied</c> on cancel.
/// </summary>
internal sealed class BitbucketAuthorizeEndpoint(EmulatorRuntime runtime)
{
    // The RFC 6749 meaning of access_denied, as the wording note on BitbucketJson explains.
    private const string DeniedDescription = "The resource owner denied the request.";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isPost = HttpMethods.IsPost(request.Method);
        IQueryCollection? query = isPost ? null : request.Query;
        IFormCollection? form = null;
        if (isPost)
        {
            (form, var formError) = await FormBody.ReadAsync(request).ConfigureAwait(false);
            if (formError is not null)
            {
                var errorPage = ConsentPage.RenderError(formError.Message);
                await TextResponse.WriteAsync(context, formError.Status, TextResponse.Html, errorPage)
                    .ConfigureAwait(false);
                return;
            }
        }

        string Read(string name) => (form?[name] ?? query?[name] ?? default).ToString();

        if (Validate(Read("client_id"), Read("response_type"), Read("redirect_uri")) is { } problem)
        {
            var errorPage = ConsentPage.RenderError(problem);
            await TextResponse.WriteAsync(context, 400, TextResponse.Html, errorPage).ConfigureAwait(false);
            return;
        }

        var state = Read("state");
        if (!isPost)
        {
            if (runtime.Settings.AutoConsent is { } choice && runtime.Accounts.FindAutoConsent(choice) is { } chosen)
            {
                Grant(context, chosen.Username, state);
                return;
            }

            var hidden = new KeyValuePair<string, string>[]
            {
                new("client_id", Read("client_id")), new("response_type", "code"),
                new("redirect_uri", Read("redirect_uri")), new("state", state), new("scope", Read("scope")),
            };
            var page = ConsentPage.Render(runtime.Settings.AppName, runtime.Accounts.Snapshot(), hidden);
            await TextResponse.WriteAsync(context, 200, TextResponse.Html, page).ConfigureAwait(false);
            return;
        }

        if (Read("action") == "cancel")
        {
            ReturnToClient(
                context, [new("error", "access_denied"), new("error_description", DeniedDescription)], state);
            return;
        }

        if (Read("action") != "grant" || runtime.Accounts.Find(Read("account")) is not { } account)
        {
            var message = "Choose an account and press Grant access or Cancel.";
            var errorPage = ConsentPage.RenderError(message);
            await TextResponse.WriteAsync(context, 400, TextResponse.Html, errorPage).ConfigureAwait(false);
            return;
        }

        Grant(context, account.Username, state);
    }

    private string? Validate(string clientId, string responseType, string redirectUri)
    {
        if (clientId != EmulatorRuntime.BitbucketClientId)
        {
            return $"Invalid client_id '{clientId}': this Bitbucket accepts only '{EmulatorRuntime.BitbucketClientId}'.";
        }

        if (responseType != "code")
        {
            return $"Unsupported response_type '{responseType}': use 'code'.";
        }

        return redirectUri.Length > 0 && redirectUri != runtime.CallbackUrl
            ? $"The redirect_uri '{redirectUri}' does not match the callback URL {runtime.CallbackUrl}."
            : null;
    }

    private void Grant(HttpContext context, string username, string state) =>
        ReturnToClient(context, [new("code", runtime.Bitbucket.IssueCode(username))], state);

    private void ReturnToClient(HttpContext context, List<KeyValuePair<string, string>> parameters, string state)
    {
        var query = new QueryValues();
        foreach (var (key, value) in parameters)
        {
            query.Set(key, value);
        }

        if (state.Length > 0)
        {
            query.Set("state", state);
        }

        RedirectResponse.Send(context, runtime.CallbackUrl + "?" + query.Encode());
    }
}
