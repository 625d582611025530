using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket;

/// <summary>
/// The default <see cref="ISignInService"/>.
/// </summary>
/// <remarks>
/// A singleton that creates a <see cref="SupabaseAuthClient"/> for each call, so the HTTP handlers rotate as
/// <see cref="IHttpClientFactory"/> intends instead of living as long as the service.
/// </remarks>
internal sealed class SignInService : ISignInService
{
    private readonly IOptionsMonitor<SupabaseBitbucketOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ITypedHttpClientFactory<SupabaseAuthClient> _authClientFactory;

    public SignInService(
        IOptionsMonitor<SupabaseBitbucketOptions> options,
        IHttpClientFactory httpClientFactory,
        ITypedHttpClientFactory<SupabaseAuthClient> authClientFactory)
    {
        _options = options;
        _httpClientFactory = httpClientFactory;
        _authClientFactory = authClientFactory;
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

    public Task<Session> ExchangeCodeAsync(
        string authCode, string codeVerifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(codeVerifier);
        return CreateClient().ExchangeCodeAsync(authCode, codeVerifier, cancellationToken);
    }

    public Task SignOutAsync(
        string accessToken, SignOutScope scope = SignOutScope.Global, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalidAccessToken(accessToken);
        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(
                nameof(scope), scope, "The sign-out scope is not defined. Use Global, Local or Others.");
        }

        return CreateClient().SignOutAsync(accessToken, scope, cancellationToken);
    }

    public Task<Session> RefreshSessionAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return CreateClient().RefreshSessionAsync(refreshToken, cancellationToken);
    }

    public Task<SupabaseUser> GetUserAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalidAccessToken(accessToken);
        return CreateClient().GetUserAsync(accessToken, cancellationToken);
    }

    /// <summary>
    /// Rejects a token that cannot travel in an <c>Authorization</c> header. The message leaves the value out.
    /// </summary>
    private static void ThrowIfInvalidAccessToken(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        if (accessToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                "The access token contains whitespace or control characters, which a JWT never does. "
                + "Pass the session's AccessToken unchanged.",
                nameof(accessToken));
        }
    }

    private SupabaseAuthClient CreateClient()
    {
        return _authClientFactory.CreateClient(_httpClientFactory.CreateClient(SupabaseAuthClient.HttpClientName));
    }
}
