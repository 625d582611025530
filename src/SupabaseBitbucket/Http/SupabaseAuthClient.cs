using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket;

/// <summary>
/// The typed HTTP client for the Supabase Auth endpoints that the sign-in flow calls. It is the only type that
/// touches the wire.
/// </summary>
/// <remarks>
/// It never retries: a code exchange must not be repeated, and callers decide for the other calls from
/// <see cref="SupabaseAuthException.IsRetryable"/>. Arguments are checked by <see cref="SignInService"/>.
/// </remarks>
internal sealed class SupabaseAuthClient
{
    /// <summary>The name of the client in <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "SupabaseBitbucket.SupabaseAuth";

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public SupabaseAuthClient(HttpClient httpClient, TimeProvider timeProvider, ILogger<SupabaseAuthClient> logger)
    {
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<Session> ExchangeCodeAsync(
        SupabaseEndpoints endpoints, string authCode, string codeVerifier, CancellationToken cancellationToken)
    {
        const string operation = SupabaseAuthOperations.ExchangeCode;
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new PkceGrantRequest { AuthCode = authCode, CodeVerifier = codeVerifier },
            SupabaseAuthJsonContext.Default.PkceGrantRequest);
        using var response = await SendAsync(
                endpoints, operation, HttpMethod.Post, endpoints.PkceToken, null, body, cancellationToken)
            .ConfigureAwait(false);
        return ReadSession(operation, response);
    }

    public async Task<Session> RefreshSessionAsync(
        SupabaseEndpoints endpoints, string refreshToken, CancellationToken cancellationToken)
    {
        const string operation = SupabaseAuthOperations.RefreshSession;
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new RefreshTokenGrantRequest { RefreshToken = refreshToken },
            SupabaseAuthJsonContext.Default.RefreshTokenGrantRequest);
        using var response = await SendAsync(
                endpoints, operation, HttpMethod.Post, endpoints.RefreshToken, null, body, cancellationToken)
            .ConfigureAwait(false);
        return ReadSession(operation, response);
    }

    public async Task<SupabaseUser> GetUserAsync(
        SupabaseEndpoints endpoints, string accessToken, CancellationToken cancellationToken)
    {
        const string operation = SupabaseAuthOperations.GetUser;
        using var response = await SendAsync(
                endpoints, operation, HttpMethod.Get, endpoints.User, accessToken, null, cancellationToken)
            .ConfigureAwait(false);
        ThrowIfFailed(operation, response);

        var body = ReadSuccessBody(operation, response);
        var user = UserReader.TryRead(body, out var problem)
            ?? throw InvalidResponse(operation, response, problem!);
        Log.RequestSucceeded(_logger, operation, response.StatusCode, response.ElapsedMilliseconds);
        return user;
    }

    public async Task SignOutAsync(
        SupabaseEndpoints endpoints, string accessToken, SignOutScope scope, CancellationToken cancellationToken)
    {
        const string operation = SupabaseAuthOperations.SignOut;
        var url = endpoints.Logout(scope);
        using var response = await SendAsync(
                endpoints, operation, HttpMethod.Post, url, accessToken, null, cancellationToken)
            .ConfigureAwait(false);

        // The token is expired or malformed, or its session is gone, so there is nothing left to end.
        if (response.StatusCode is 401 or 403 or 404)
        {
            ErrorBodyReader.TryRead(response.Body, out var code, out _);
            Log.SessionAlreadyEnded(
                _logger, response.StatusCode, code ?? response.ErrorCodeHeader, response.ElapsedMilliseconds);
            return;
        }

        ThrowIfFailed(operation, response);
        Log.RequestSucceeded(_logger, operation, response.StatusCode, response.ElapsedMilliseconds);
    }

    private Session ReadSession(string operation, AuthResponse response)
    {
        ThrowIfFailed(operation, response);

        var body = ReadSuccessBody(operation, response);
        var session = SessionReader.TryRead(body, response.ReceivedAt, out var problem)
            ?? throw InvalidResponse(operation, response, problem!);
        Log.RequestSucceeded(_logger, operation, response.StatusCode, response.ElapsedMilliseconds);
        return session;
    }

    private void ThrowIfFailed(string operation, AuthResponse response)
    {
        if (response.IsSuccess)
        {
            return;
        }

        var exception = SupabaseAuthErrors.FromErrorResponse(operation, response);
        var elapsed = response.ElapsedMilliseconds;
        if (exception.ServerMessage is null && exception.ErrorCode == SupabaseAuthErrorCodes.InvalidResponse)
        {
            Log.InvalidResponse(_logger, operation, response.StatusCode, response.MediaType, elapsed);
        }
        else if (RetryClassifier.IsRetryableStatus(response.StatusCode))
        {
            Log.RequestFailed(_logger, operation, response.StatusCode, exception.ErrorCode, elapsed);
        }
        else
        {
            Log.RequestRejected(_logger, operation, response.StatusCode, exception.ErrorCode, elapsed);
        }

        throw exception;
    }

    private ReadOnlyMemory<byte> ReadSuccessBody(string operation, AuthResponse response)
    {
        return response.IsBodyTooLarge
            ? throw InvalidResponse(operation, response, SupabaseAuthErrors.BodyTooLargeProblem)
            : response.Body;
    }

    private SupabaseAuthException InvalidResponse(string operation, AuthResponse response, string problem)
    {
        Log.InvalidResponse(
            _logger, operation, response.StatusCode, response.MediaType, response.ElapsedMilliseconds);
        return SupabaseAuthErrors.InvalidResponse(operation, response, problem);
    }

    /// <summary>
    /// Sends one request and reads the whole response within <see cref="SupabaseBitbucketOptions.HttpTimeout"/>.
    /// </summary>
    /// <param name="endpoints">The URLs and the options they were built from.</param>
    /// <param name="operation">The operation, for errors and logs.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The endpoint, whose query must carry no secret.</param>
    /// <param name="bearerToken">The user's access token, or <see langword="null"/> to send the API key.</param>
    /// <param name="body">The JSON body, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation surfaces unchanged.</param>
    private async Task<AuthResponse> SendAsync(
        SupabaseEndpoints endpoints,
        string operation,
        HttpMethod method,
        Uri url,
        string? bearerToken,
        byte[]? body,
        CancellationToken cancellationToken)
    {
        var options = endpoints.Options;
        var apiKey = options.PublishableKey ?? throw new InvalidOperationException(
            "SupabaseBitbucketOptions.PublishableKey is not set. Configure the project's publishable key.");
        using var request = AuthRequestFactory.Create(method, url, apiKey, bearerToken ?? apiKey, body);

        // The timeout runs on TimeProvider so that tests can advance it. A caller's token that can be cancelled is
        // linked in. Most callers pass none, and then the timeout's own token serves.
        using var timeoutSource = new CancellationTokenSource(options.HttpTimeout, _timeProvider);
        using var linkedSource = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token)
            : null;
        var requestToken = linkedSource?.Token ?? timeoutSource.Token;
        var started = _timeProvider.GetTimestamp();
        try
        {
            using var response = await _httpClient
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, requestToken)
                .ConfigureAwait(false);
            var content = await ResponseBodyReader.ReadAsync(response.Content, requestToken)
                .ConfigureAwait(false);
            try
            {
                // Retry-After only matters to an error, so a success skips parsing it.
                return new AuthResponse
                {
                    StatusCode = (int)response.StatusCode,
                    MediaType = response.Content.Headers.ContentType?.MediaType,
                    PooledBody = content,
                    ErrorCodeHeader = response.Headers.TryGetValues("x-sb-error-code", out var codes)
                        ? codes.FirstOrDefault()
                        : null,
                    RetryAfter = response.IsSuccessStatusCode ? null : response.Headers.RetryAfter,
                    ReceivedAt = _timeProvider.GetUtcNow(),
                    ElapsedMilliseconds = ElapsedMilliseconds(started),
                };
            }
            catch
            {
                content?.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = ElapsedMilliseconds(started);
            Log.RequestCanceled(_logger, operation, elapsed);
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
        catch (OperationCanceledException exception)
        {
            // The caller did not cancel, so the timeout above, HttpClient.Timeout or a host handler's timeout fired.
            var elapsed = ElapsedMilliseconds(started);
            Log.RequestTimedOut(_logger, operation, elapsed);
            throw SupabaseAuthErrors.Timeout(operation, options.HttpTimeout, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            var elapsed = ElapsedMilliseconds(started);
            Log.ConnectionFailed(_logger, operation, elapsed, exception);
            throw SupabaseAuthErrors.ConnectionFailed(operation, exception);
        }
    }

    private long ElapsedMilliseconds(long startedTimestamp)
    {
        return (long)_timeProvider.GetElapsedTime(startedTimestamp).TotalMilliseconds;
    }
}
