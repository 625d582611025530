namespace SupabaseBitbucket;

/// <summary>
/// A failed call to Supabase Auth: an error response, a response that Supabase Auth did not send, a timeout or a
/// failed connection.
/// </summary>
/// <remarks>
/// The message names the operation, the HTTP status and the error code, and includes the server's message.
/// It never contains a token, code, code verifier or API key. The library never retries a call itself;
/// <see cref="IsRetryable"/> and <see cref="RetryAfter"/> tell the caller whether a retry can help.
/// </remarks>
public sealed class SupabaseAuthException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SupabaseAuthException"/> class.</summary>
    public SupabaseAuthException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SupabaseAuthException"/> class with a message.</summary>
    /// <param name="message">The message, which must not contain secrets.</param>
    public SupabaseAuthException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SupabaseAuthException"/> class with a message and a cause.
    /// </summary>
    /// <param name="message">The message, which must not contain secrets.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public SupabaseAuthException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the call that failed, one of the values in <see cref="SupabaseAuthOperations"/>.</summary>
    public string Operation { get; init; } = string.Empty;

    /// <summary>Gets the HTTP status of the response.</summary>
    /// <value><see langword="null"/> when no response arrived: the request timed out or the connection failed.</value>
    public int? StatusCode { get; init; }

    /// <summary>Gets the error code, such as <c>refresh_token_already_used</c>.</summary>
    /// <value>
    /// The server's code when it sent one; otherwise one of the library's own codes
    /// (<see cref="SupabaseAuthErrorCodes.InvalidResponse"/>, <see cref="SupabaseAuthErrorCodes.RequestTimeout"/>,
    /// <see cref="SupabaseAuthErrorCodes.ConnectionFailed"/>). <see cref="SupabaseAuthErrorCodes"/> lists the
    /// codes these calls can return.
    /// </value>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the message from the server's error body, or <see langword="null"/> when it sent none.</summary>
    public string? ServerMessage { get; init; }

    /// <summary>Gets whether the same call may succeed when made again later.</summary>
    /// <value>
    /// <see langword="true"/> for HTTP 429, 500 to 504 and 520 to 530, timeouts and failed connections, except
    /// for a code exchange: the server may have used the single-use code before the failure, so only HTTP 429
    /// makes an exchange retryable, and otherwise the user starts a new sign-in.
    /// </value>
    public bool IsRetryable { get; init; }

    /// <summary>Gets how long to wait before a retry, from the response's <c>Retry-After</c> header.</summary>
    /// <value><see langword="null"/> when the response had no valid <c>Retry-After</c> header.</value>
    public TimeSpan? RetryAfter { get; init; }
}
