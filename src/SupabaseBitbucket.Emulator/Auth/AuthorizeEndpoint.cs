using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.State;
using SupabaseBitbucket.Emulator.Tokens;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// <c>GET /auth/v1/authorize</c>: checks the provider and PKCE parameters, stores a flow state and
/// redirects (302) to the emulated Bitbucket's consent page with the flow state id as <c>state</c>.
/// </summary>
internal sealed class AuthorizeEndpoint(EmulatorRuntime runtime)
{
    // Providers that Supabase Auth supports but this project has not enabled.
    private static readonly HashSet<string> DisabledProviders =
    [
        "apple", "azure", "discord", "facebook", "figma", "fly", "github", "gitlab", "google", "kakao", "keycloak",
        "linkedin", "linkedin_oidc", "notion", "slack", "slack_oidc", "snapchat", "spotify", "twitch", "twitter",
        "vercel_marketplace", "workos", "x", "zoom",
    ];

    // Parameters the server sets itself, which a caller cannot pass on to Bitbucket; "nonce" is not among them.
    private static readonly HashSet<string> ServerParameters =
    [
        "client_id", "client_secret", "redirect_uri", "response_type", "state", "code_challenge",
        "code_challenge_method", "code_verifier", "provider", "scopes",
    ];

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var query = QueryValues.Parse(request.QueryString.Value?.TrimStart('?'));
        var provider = (query.Get("provider") ?? string.Empty).ToLowerInvariant();
        if (provider != UserJson.Provider)
        {
            var reason = DisabledProviders.Contains(provider)
                ? "provider is not enabled"
                : $"Provider {provider} could not be found";
            var unsupported = SupabaseError.ValidationFailed("Unsupported provider: " + reason);
            return SupabaseErrorWriter.WriteAsync(context, unsupported);
        }

        var headerRedirect = request.Headers["redirect_to"].ToString();
        var redirectTo = headerRedirect.Length > 0 ? headerRedirect : query.Get("redirect_to");
        var target = runtime.Redirects.Resolve(redirectTo, request.Headers.Referer.ToString());
        if (!string.IsNullOrEmpty(redirectTo) && !runtime.Redirects.IsAllowed(redirectTo))
        {
            // Supabase Auth falls back silently, so the emulator logs which setting would allow the URL.
            Log.RedirectRejected(
                runtime.Logger, Log.Truncate(redirectTo), runtime.Redirects.SiteUrl, Log.Truncate(target));
        }


        var challenge = query.Get("code_challenge");
        var method = query.Get("code_challenge_method");
        if (PkceChallenge.Validate(challenge, method) is { } error)
        {
            return SupabaseErrorWriter.WriteAsync(context, error);
        }

        var isPkce = !string.IsNullOrEmpty(challenge);
        var flowState = new FlowState
        {
            Id = Guid.NewGuid(),
            AuthCode = isPkce ? Guid.NewGuid().ToString() : null,
            CodeChallenge = isPkce ? challenge : null,
            CodeChallengeMethod = isPkce ? PkceChallenge.NormalizeMethod(method) : null,
            RedirectTarget = target,
            CreatedAt = runtime.Clock.GetUtcNow(),
        };
        runtime.FlowStates.Add(flowState);

        RedirectResponse.Send(context, BitbucketAuthorizeUrl(flowState.Id, query));
        return Task.CompletedTask;
    }

    private string BitbucketAuthorizeUrl(Guid state, QueryValues query)
    {
        var parameters = new QueryValues();
        parameters.Set("client_id", EmulatorRuntime.BitbucketClientId);
        parameters.Set("redirect_uri", runtime.CallbackUrl);
        parameters.Set("response_type", "code");
        parameters.Set("scope", "account email");
        parameters.Set("state", state.ToString());
        foreach (var key in query.Keys.Where(k => !ServerParameters.Contains(k.ToLowerInvariant())))
        {
            // Supabase Auth passes every other parameter on to the provider, first value only.
            parameters.Set(key, query.Get(key)!);
        }

        return runtime.BitbucketSiteUrl + "/oauth2/authorize?" + parameters.Encode();
    }
}
