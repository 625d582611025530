using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Bitbucket;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.State;
using SupabaseBitbucket.Emulator.Tokens;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// <c>GET</c> or <c>POST /auth/v1/callback</c>: Bitbucket's return. A bad <c>state</c> redirects (303) to
/// the Site URL with the error in the query. Once the state is loaded, an error redirects (302) to the
/// flow's target with the error in query and fragment; success redirects (302) there with <c>code</c>
/// (PKCE), or with the session in the fragment (implicit flow).
/// </summary>
internal sealed class CallbackEndpoint(EmulatorRuntime runtime, TokenResponseFactory tokenResponses)
{
    private readonly BitbucketSignIn bitbucket = new(runtime);

    public async Task HandleAsync(HttpContext context)
    {
        var (parameters, formError) = await ReadParametersAsync(context.Request).ConfigureAwait(false);
        if (formError is not null)
        {
            // NOTE: Supabase Auth's response to a malformed callback body is not confirmed. The emulator sends a
            // 400 in the /auth/v1 error shape, where a missing or bad state redirects to the Site URL.
            var code = formError.Status == StatusCodes.Status413PayloadTooLarge
                ? "request_entity_too_large"
                : "bad_oauth_callback";
            var error = new SupabaseError(formError.Status, code, formError.Message);
            await SupabaseErrorWriter.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        var (flowState, stateError) = LoadState(parameters.Get("state"));
        if (flowState is null)
        {
            var error = CallbackError.From(stateError!);
            Log.CallbackFailed(runtime.Logger, error.Error, error.ErrorCode);
            var siteRedirect = RedirectUrls.WithQuery(runtime.Settings.SiteUrl, error.ToParameters());
            RedirectResponse.Send(context, siteRedirect, StatusCodes.Status303SeeOther);
            return;
        }

        var (location, failure) = await CompleteAsync(flowState, parameters, context.RequestAborted)
            .ConfigureAwait(false);
        if (failure is not null)
        {
            // An error passed through from Bitbucket is the request's error parameter, of any length.
            var loggedError = Log.Truncate(failure.Error);
            Log.CallbackFailed(runtime.Logger, loggedError, failure.ErrorCode);
            location = RedirectUrls.WithQueryAndFragment(flowState.RedirectTarget, failure.ToParameters());
        }

        RedirectResponse.Send(context, location!);
    }

    private static async Task<(QueryValues Parameters, FormBodyError? Error)> ReadParametersAsync(
        HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var (form, error) = await FormBody.ReadAsync(request).ConfigureAwait(false);
            var values = new QueryValues();
            foreach (var (key, value) in form)
            {
                values.Set(key, value.ToString());
            }

            return (values, error);
        }

        return (QueryValues.Parse(request.QueryString.Value?.TrimStart('?')), null);
    }

    private (FlowState?, SupabaseError?) LoadState(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return (null, new SupabaseError(400, "bad_oauth_callback", "OAuth state parameter missing"));
        }

        if (!Guid.TryParse(state, out var id))
        {
            return (null, new SupabaseError(400, "bad_oauth_state", "OAuth state parameter is invalid"));
        }

        var flowState = runtime.FlowStates.Find(id);
        if (flowState is null)
        {
            return (null, new SupabaseError(400, "bad_oauth_state", "OAuth state not found or expired"));
        }

        if (flowState.IsExpired(runtime.Clock.GetUtcNow(), runtime.Settings.FlowStateLifetime))
        {
            return (null, new SupabaseError(400, "bad_oauth_state", "OAuth state has expired"));
        }

        if (flowState.IsPkce && flowState.UserId is not null)
        {
            return (null, new SupabaseError(400, "flow_state_already_used", "State has already been used"));
        }

        return (flowState, null);
    }

    private async Task<(string? Location, CallbackError? Error)> CompleteAsync(
        FlowState flowState, QueryValues parameters, CancellationToken cancellationToken)
    {
        if (parameters.Get("error") is { Length: > 0 } providerError)
        {
            return (null, new CallbackError(providerError, null, parameters.Get("error_description") ?? string.Empty));
        }

        if (parameters.Get("code") is not { Length: > 0 } code)
        {
            var missing = new SupabaseError(
                400, "bad_oauth_callback", "OAuth callback with missing authorization code missing");
            return (null, CallbackError.From(missing));
        }

        var signIn = await bitbucket.RunAsync(code, cancellationToken).ConfigureAwait(false);
        if (signIn.Error is not null)
        {
            return (null, CallbackError.From(signIn.Error));
        }

        var user = runtime.Users.SignIn(signIn.Identity!, runtime.Clock.GetUtcNow());
        Log.SignInCompleted(runtime.Logger, signIn.Username, user.Id);
        var tokens = signIn.Tokens!;
        if (flowState.IsPkce)
        {
            if (!runtime.FlowStates.TryComplete(flowState, user.Id, tokens.AccessToken, tokens.RefreshToken))
            {
                var used = new SupabaseError(400, "flow_state_already_used", "State has already been used");
                return (null, CallbackError.From(used));
            }

            return (RedirectUrls.WithQuery(flowState.RedirectTarget, [new("code", flowState.AuthCode!)]), null);
        }

        runtime.FlowStates.Remove(flowState);
        return (ImplicitRedirect(flowState.RedirectTarget, user, tokens), null);
    }

    private string ImplicitRedirect(string target, AuthUser user, BitbucketTokens providerTokens)
    {
        var (session, refreshToken) = runtime.Sessions.Create(user.Id, runtime.Clock.GetUtcNow());
        Log.SessionCreated(runtime.Logger, session.Id, user.Id);
        var body = tokenResponses.Create(user, session, refreshToken);
        var fragment = new QueryValues();
        foreach (var name in new[] { "access_token", "token_type", "expires_in", "expires_at", "refresh_token" })
        {
            fragment.Set(name, body[name]!.ToString());
        }

        fragment.Set("provider_token", providerTokens.AccessToken);
        fragment.Set("provider_refresh_token", providerTokens.RefreshToken);
        fragment.Set("sb", string.Empty);
        return target + "#" + fragment.Encode();
    }
}
