using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket;

/// <summary>
/// Log events of the library. Event ids and names are stable so that hosts can filter on them.
/// </summary>
/// <remarks>
/// Events carry the operation, HTTP status, error code and duration, never a token, code, verifier or key.
/// </remarks>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1,
        EventName = "SupabaseAuthRequestSucceeded",
        Level = LogLevel.Debug,
        Message = "Supabase Auth {Operation} succeeded with HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void RequestSucceeded(
        ILogger logger, string operation, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 2,
        EventName = "SupabaseAuthRequestRejected",
        Level = LogLevel.Information,
        Message = "Supabase Auth {Operation} failed with HTTP {StatusCode} and error code {ErrorCode} "
            + "in {ElapsedMilliseconds} ms")]
    public static partial void RequestRejected(
        ILogger logger, string operation, int statusCode, string? errorCode, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 3,
        EventName = "SupabaseAuthRequestFailed",
        Level = LogLevel.Warning,
        Message = "Supabase Auth {Operation} failed with HTTP {StatusCode} and error code {ErrorCode} "
            + "in {ElapsedMilliseconds} ms; a retry may succeed")]
    public static partial void RequestFailed(
        ILogger logger, string operation, int statusCode, string? errorCode, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 4,
        EventName = "SupabaseAuthInvalidResponse",
        Level = LogLevel.Warning,
        Message = "Supabase Auth {Operation} returned HTTP {StatusCode} with content type {MediaType}, "
            + "which is not a Supabase Auth response, in {ElapsedMilliseconds} ms")]
    public static partial void InvalidResponse(
        ILogger logger, string operation, int statusCode, string? mediaType, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 5,
        EventName = "SupabaseAuthRequestTimedOut",
        Level = LogLevel.Warning,
        Message = "Supabase Auth {Operation} timed out after {ElapsedMilliseconds} ms")]
    public static partial void RequestTimedOut(ILogger logger, string operation, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 6,
        EventName = "SupabaseAuthConnectionFailed",
        Level = LogLevel.Warning,
        Message = "Supabase Auth {Operation} failed after {ElapsedMilliseconds} ms because the connection failed")]
    public static partial void ConnectionFailed(
        ILogger logger, string operation, long elapsedMilliseconds, Exception exception);

    [LoggerMessage(
        EventId = 7,
        EventName = "SupabaseAuthRequestCanceled",
        Level = LogLevel.Debug,
        Message = "Supabase Auth {Operation} was canceled by the caller after {ElapsedMilliseconds} ms")]
    public static partial void RequestCanceled(ILogger logger, string operation, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 8,
        EventName = "SupabaseAuthSessionAlreadyEnded",
        Level = LogLevel.Information,
        Message = "Supabase Auth sign-out returned HTTP {StatusCode} and error code {ErrorCode} "
            + "in {ElapsedMilliseconds} ms; the session had already ended, so the sign-out counts as done")]
    public static partial void SessionAlreadyEnded(
        ILogger logger, int statusCode, string? errorCode, long elapsedMilliseconds);
}
