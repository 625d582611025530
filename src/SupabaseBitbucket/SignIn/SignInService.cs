using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket;

/// <summary>
/// The default <see cref="ISignInService"/>.
/// </summary>
/// <remarks>
/// A singleton. It keeps one <see cref="SupabaseAuthClient"/> for a quarter of the factory's handler lifetime and
/// builds the URLs once per options value. Both caches are fields replaced whole without a lock, so racing calls may
/// each build one.
/// </remarks>
internal sealed class SignInService : ISignInService
{
    private readonly IOptionsMonitor<SupabaseBitbucketOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ITypedHttpClientFactory<SupabaseAuthClient> _authClientFactory;
    private readonly IOptionsMonitor<HttpClientFactoryOptions> _httpClientOptions;
    private readonly TimeProvider _timeProvider;
    private volatile SupabaseEndpoints? _endpoints;
    private volatile ClientLease? _client;
    private readonly RandomBytePool _random = new();

    public SignInService(
        IOptionsMonitor<SupabaseBitbucketOptions> options,
        IHttpClientFactory httpClientFactory,
        ITypedHttpClientFactory<SupabaseAuthClient> authClientFactory,
        IOptionsMonitor<HttpClientFactoryOptions> httpClientOptions,
        TimeProvider timeProvider)
    {
        _options = options;
        _httpClientFactory = httpClientFactory;
        _authClientFactory = authClientFactory;
        _httpClientOptions = httpClientOptions;
        _timeProvider = timeProvider;
    }

    public BitbucketSignIn SignInWithBitbucket(BitbucketSignInOptions? options = null)
    {
        var endpoints = Endpoints();

        // The common call has no options, and its head with the configured redirect is built once per options value.
        var head = endpoints.AuthorizeHead;
        string? redirectTo = null;
        string? scopes = null;
        var tail = AuthorizeUrlBuilder.MethodParameter;
        if (options is not null)
        {
            if (options.RedirectTo is { } requested && !RedirectTarget.IsAbsoluteHttp(requested))
            {
                throw new ArgumentException(
                    $"RedirectTo '{requested}' is not an absolute http or https URL. "
                    + "Pass the full callback URL, such as https://app.example.com/auth/callback.",
                    nameof(options));
            }

            if (options.QueryParameters is { Count: > 0 } queryParameters)
            {
                AuthorizeUrlBuilder.ValidateQueryParameters(queryParameters);
                tail = AuthorizeUrlBuilder.BuildTail(queryParameters);
            }

            head = endpoints.AuthorizePath;
            redirectTo = options.RedirectTo ?? endpoints.Options.RedirectTo;
            scopes = options.Scopes;
        }

        Span<byte> random = stackalloc byte[Pkce.VerifierEntropyBytes];
        _random.Fill(random);
        Span<char> challenge = stackalloc char[Pkce.ChallengeLength];
        var verifier = Pkce.CreateVerifier(random, challenge);
        return new BitbucketSignIn(AuthorizeUrlBuilder.Build(head, redirectTo, scopes, challenge, tail), verifier);
    }

    public Task<Session> ExchangeCodeAsync(
        string authCode, string codeVerifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(codeVerifier);
        return Client().ExchangeCodeAsync(Endpoints(), authCode, codeVerifier, cancellationToken);
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

        return Client().SignOutAsync(Endpoints(), accessToken, scope, cancellationToken);
    }

    public Task<Session> RefreshSessionAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return Client().RefreshSessionAsync(Endpoints(), refreshToken, cancellationToken);
    }

    public Task<SupabaseUser> GetUserAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalidAccessToken(accessToken);
        return Client().GetUserAsync(Endpoints(), accessToken, cancellationToken);
    }

    /// <summary>
    /// Rejects a token that cannot travel in an <c>Authorization</c> header. The message leaves the value out.
    /// </summary>
    private static void ThrowIfInvalidAccessToken(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        foreach (var c in accessToken)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                continue;
            }

            throw new ArgumentException(
                "The access token contains whitespace or control characters, which a JWT never does. "
                + "Pass the session's AccessToken unchanged.",
                nameof(accessToken));
        }
    }

    private SupabaseEndpoints Endpoints()
    {
        var cached = _endpoints;
        var endpoints = SupabaseEndpoints.For(_options.CurrentValue, cached);
        if (!ReferenceEquals(endpoints, cached))
        {
            _endpoints = endpoints;
        }

        return endpoints;
    }

    /// <summary>
    /// Returns the kept client, or takes a new one once a quarter of the handler lifetime has passed. The factory
    /// rotates a handler only when its own timer has fired, so the kept client may still get the old handler when
    /// it renews. Renewing four times per lifetime keeps a handler in use for at most about 1.25 lifetimes.
    /// </summary>
    private SupabaseAuthClient Client()
    {
        var lease = _client;
        if (lease is not null && _timeProvider.GetElapsedTime(lease.TakenAt) < lease.RenewAfter)
        {
            return lease.Client;
        }

        var lifetime = _httpClientOptions.Get(SupabaseAuthClient.HttpClientName).HandlerLifetime;
        var renewAfter = lifetime == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : lifetime / 4;
        var httpClient = _httpClientFactory.CreateClient(SupabaseAuthClient.HttpClientName);
        lease = new ClientLease(_authClientFactory.CreateClient(httpClient), _timeProvider.GetTimestamp(), renewAfter);
        _client = lease;
        return lease.Client;
    }

    /// <summary>
    /// A client, the <see cref="TimeProvider.GetTimestamp"/> it was taken at and how long to keep it. Timestamps are
    /// monotonic, so a wall clock set back does not keep a client longer.
    /// </summary>
    private sealed record ClientLease(SupabaseAuthClient Client, long TakenAt, TimeSpan RenewAfter);
}
