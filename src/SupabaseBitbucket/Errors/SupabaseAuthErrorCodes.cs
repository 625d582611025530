namespace SupabaseBitbucket;

/// <summary>
/// Values of <see cref="SupabaseAuthException.ErrorCode"/>: the codes Supabase Auth returns for the calls this
/// library makes, and the library's own codes for failures without a usable response.
/// </summary>
/// <remarks>
/// The server codes are the ones supabase/auth defines for these endpoints. The server may add others, so
/// compare with these constants and treat an unknown code as a generic failure.
/// </remarks>
public static class SupabaseAuthErrorCodes
{
    /// <summary>The request was incomplete or had an invalid parameter, such as an unknown sign-out scope.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>The request body was not valid JSON.</summary>
    public const string BadJson = "bad_json";

    /// <summary>The server did not accept the grant type or the credentials.</summary>
    public const string InvalidCredentials = "invalid_credentials";

    /// <summary>The authorization code is unknown or was already exchanged. Start a new sign-in.</summary>
    public const string FlowStateNotFound = "flow_state_not_found";

    /// <summary>The authorization code is older than the server allows (5 minutes by default).</summary>
    public const string FlowStateExpired = "flow_state_expired";

    /// <summary>The code verifier does not match the challenge sent when the sign-in started.</summary>
    public const string BadCodeVerifier = "bad_code_verifier";

    /// <summary>The refresh token is unknown.</summary>
    public const string RefreshTokenNotFound = "refresh_token_not_found";

    /// <summary>
    /// The refresh token was already used and is outside the reuse interval; the server revoked the whole session.
    /// </summary>
    public const string RefreshTokenAlreadyUsed = "refresh_token_already_used";

    /// <summary>The session no longer exists, for example after a sign-out.</summary>
    public const string SessionNotFound = "session_not_found";

    /// <summary>The session is older than the project's session time-box or inactivity timeout.</summary>
    public const string SessionExpired = "session_expired";

    /// <summary>The request had no access token.</summary>
    public const string NoAuthorization = "no_authorization";

    /// <summary>The access token is malformed, expired or has an invalid signature.</summary>
    public const string BadJwt = "bad_jwt";

    /// <summary>Too many requests from this client; wait for <see cref="SupabaseAuthException.RetryAfter"/>.</summary>
    public const string OverRequestRateLimit = "over_request_rate_limit";

    /// <summary>The server failed unexpectedly.</summary>
    public const string UnexpectedFailure = "unexpected_failure";

    /// <summary>
    /// The library's code for a response that Supabase Auth did not send, or that it cannot use: HTML, an empty or
    /// truncated body, JSON of another shape, or a success without the session's tokens. Often a wrong
    /// <see cref="SupabaseBitbucketOptions.Url"/> or a proxy's error page.
    /// </summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>
    /// The request took longer than <see cref="SupabaseBitbucketOptions.HttpTimeout"/>. The server sends the same
    /// code with HTTP 504 when its own processing times out; the library's has no
    /// <see cref="SupabaseAuthException.StatusCode"/>.
    /// </summary>
    public const string RequestTimeout = "request_timeout";

    /// <summary>The library's code for a request that got no response because the connection failed.</summary>
    public const string ConnectionFailed = "connection_failed";
}
