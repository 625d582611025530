using Microsoft.Extensions.Options;

namespace SupabaseBitbucket;

/// <summary>
/// The default <see cref="ISignInService"/>.
/// </summary>
internal sealed class SignInService : ISignInService
{
    private readonly IOptionsMonitor<SupabaseBitbucketOptions> _options;

    public SignInService(IOptionsMonitor<SupabaseBitbucketOptions> options)
    {
        _options = options;
    }

    public BitbucketSignIn SignInWithBitbucket(BitbucketSignInOptions? options = null)
    {
        var settings = _options.CurrentValue;
        var redirectTo = options?.RedirectTo ?? settings.RedirectTo;
        if (options?.RedirectTo is { } requested && !RedirectTarget.IsAbsoluteHttp(requested))
        {
            throw new ArgumentException(
                $"RedirectTo '{requested}' is not an absolute http or https URL. "
                + "Pass the full callback URL, such as https://app.example.com/auth/callback.",
                nameof(options));
        }

        var queryParameters = options?.QueryParameters ?? new Dictionary<string, string>();
        AuthorizeUrlBuilder.ValidateQueryParameters(queryParameters);

        var verifier = Pkce.CreateVerifier();
        var url = AuthorizeUrlBuilder.Build(
            SupabaseEndpoints.AuthBaseUrl(settings),
            redirectTo,
            options?.Scopes,
            Pkce.CreateChallenge(verifier),
            queryParameters);
        return new BitbucketSignIn(url, verifier);
    }
}
