using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket.Emulator;

/// <summary>
/// The emulator's log messages. They carry ids, paths, statuses and error codes, never a code, token,
/// verifier or key.
/// </summary>
internal static partial class Log
{
    /// <summary>The maximum number of characters of a client-supplied value, such as a path, in a message.</summary>
    public const int MaxValueLength = 200;

    /// <summary>
    /// Shortens a client-supplied value to <see cref="MaxValueLength"/> characters and appends a marker with its
    /// full length, so a client cannot write arbitrarily long log lines.
    /// </summary>
    public static string Truncate(string value)
    {
        if (value.Length <= MaxValueLength)
        {
            return value;
        }

        var prefix = value.AsSpan(0, MaxValueLength);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}...[truncated, {value.Length} characters]");
    }

    [LoggerMessage(EventId = 1, EventName = "EmulatorStarted", Level = LogLevel.Information,
        Message = "Supabase Auth emulator started at {Url}")]
    public static partial void EmulatorStarted(ILogger logger, Uri url);

    [LoggerMessage(EventId = 2, EventName = "EmulatorStopped", Level = LogLevel.Information,
        Message = "Supabase Auth emulator at {Url} stopped")]
    public static partial void EmulatorStopped(ILogger logger, Uri url);

    [LoggerMessage(EventId = 3, EventName = "RequestCompleted", Level = LogLevel.Information,
        Message = "{Method} {Path} returned {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void RequestCompleted(
        ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4, EventName = "FaultInjected", Level = LogLevel.Information,
        Message = "Injected fault {Fault} served at {Endpoint}")]
    public static partial void FaultInjected(ILogger logger, EmulatorEndpoint endpoint, EmulatorFault fault);

    [LoggerMessage(EventId = 5, EventName = "RequestFailed", Level = LogLevel.Error,
        Message = "{Method} {Path} failed with an unhandled exception; returned 500")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 6, EventName = "SignInCompleted", Level = LogLevel.Information,
        Message = "Bitbucket account {Username} signed in as user {UserId}")]
    public static partial void SignInCompleted(ILogger logger, string username, Guid userId);

    [LoggerMessage(EventId = 7, EventName = "CallbackFailed", Level = LogLevel.Information,
        Message = "OAuth callback failed with {Error} ({ErrorCode})")]
    public static partial void CallbackFailed(ILogger logger, string error, string? errorCode);

    [LoggerMessage(EventId = 8, EventName = "RefreshTokenReuseRejected", Level = LogLevel.Warning,
        Message = "A refresh token of session {SessionId} was reused after the reuse interval; "
            + "every refresh token of the session is revoked")]
    public static partial void RefreshTokenReuseRejected(ILogger logger, Guid sessionId);

    [LoggerMessage(EventId = 9, EventName = "SessionsEnded", Level = LogLevel.Information,
        Message = "Sign-out with scope {Scope} ended {Count} session(s) of user {UserId}")]
    public static partial void SessionsEnded(ILogger logger, string scope, int count, Guid userId);

    [LoggerMessage(EventId = 10, EventName = "SessionCreated", Level = LogLevel.Information,
        Message = "Session {SessionId} created for user {UserId}")]
    public static partial void SessionCreated(ILogger logger, Guid sessionId, Guid userId);

    [LoggerMessage(EventId = 11, EventName = "RequestAborted", Level = LogLevel.Information,
        Message = "{Method} {Path} ended without a response: the connection closed")]
    public static partial void RequestAborted(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 12, EventName = "RedirectRejected", Level = LogLevel.Warning,
        Message = "redirect_to {RedirectTo} is not allowed by the Site URL {SiteUrl} or the redirect allow list, "
            + "so the sign-in will end at {Target}. To allow it, add a matching glob such as "
            + "--redirect-allow-list 'http://localhost:*/**' (RedirectAllowList in code), "
            + "or set --site-url (SiteUrl) to the app's URL")]
    public static partial void RedirectRejected(ILogger logger, string redirectTo, string siteUrl, string target);
}
