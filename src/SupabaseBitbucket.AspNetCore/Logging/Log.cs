using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Log events of the ASP.NET Core integration. None carries a token, code, verifier or cookie value.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, EventName = "SignInStarted", Level = LogLevel.Information,
        Message = "Sign-in started for flow {FlowId}, returning to {NextPath}.")]
    private static partial void SignInStartedCore(ILogger logger, string flowId, string nextPath);

    /// <summary>Logs a started sign-in with the path of its next URL only: an app's own query may hold secrets.</summary>
    public static void SignInStarted(ILogger logger, string flowId, string next)
    {
        var end = next.IndexOfAny(['?', '#']);
        SignInStartedCore(logger, flowId, end < 0 ? next : next[..end]);
    }

    [LoggerMessage(EventId = 2002, EventName = "SignInCompleted", Level = LogLevel.Information,
        Message = "Sign-in completed for user {UserId} in flow {FlowId}.")]
    public static partial void SignInCompleted(ILogger logger, string userId, string flowId);

    [LoggerMessage(EventId = 2003, EventName = "SignInFailed", Level = LogLevel.Warning,
        Message = "Sign-in failed with reason {Reason} in flow {FlowId}: {Detail}.")]
    public static partial void SignInFailed(ILogger logger, string reason, string flowId, string detail);

    [LoggerMessage(EventId = 2007, EventName = "CallbackWhileSignedIn", Level = LogLevel.Information,
        Message = "A callback for flow {FlowId} without its flow cookie came from a signed-in user, probably a reload; "
            + "sending the user home.")]
    public static partial void CallbackWhileSignedIn(ILogger logger, string flowId);

    [LoggerMessage(EventId = 2004, EventName = "SignInFailedUnexpectedly", Level = LogLevel.Error,
        Message = "Sign-in failed unexpectedly in flow {FlowId}.")]
    public static partial void SignInFailedUnexpectedly(ILogger logger, Exception exception, string? flowId);

    [LoggerMessage(EventId = 2005, EventName = "PendingFlowsDropped", Level = LogLevel.Information,
        Message = "Dropped {Count} pending flows: at most {MaxPendingFlows} sign-ins may be pending in one browser.")]
    public static partial void PendingFlowsDropped(ILogger logger, int count, int maxPendingFlows);

    [LoggerMessage(EventId = 2006, EventName = "HostUnchecked", Level = LogLevel.Warning,
        Message = "The sign-in callback URL is built from the request's Host header, which AllowedHosts does not "
            + "restrict. Set SupabaseBitbucketAuthenticationOptions.PublicOrigin or AllowedHosts.")]
    public static partial void HostUnchecked(ILogger logger);

    [LoggerMessage(EventId = 2010, EventName = "SessionRefreshed", Level = LogLevel.Debug,
        Message = "Refreshed the session of user {UserId}; it now expires at {ExpiresAt:o}.")]
    public static partial void SessionRefreshed(ILogger logger, string? userId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2011, EventName = "RefreshRejected", Level = LogLevel.Information,
        Message = "Supabase rejected the refresh token of user {UserId} with status {StatusCode} and error code "
            + "{ErrorCode}; signing the user out.")]
    public static partial void RefreshRejected(ILogger logger, string? userId, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 2012, EventName = "RefreshUnavailable", Level = LogLevel.Warning,
        Message = "Refreshing the session of user {UserId} failed with status {StatusCode} and error code "
            + "{ErrorCode}; access token still valid: {StillValid}.")]
    public static partial void RefreshUnavailable(
        ILogger logger, string? userId, int? statusCode, string? errorCode, bool stillValid);

    [LoggerMessage(EventId = 2014, EventName = "SessionEnded", Level = LogLevel.Information,
        Message = "Supabase reports that the session of user {UserId} has ended (status {StatusCode}, error code "
            + "{ErrorCode}); signing the user out.")]
    public static partial void SessionEnded(ILogger logger, string? userId, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 2015, EventName = "SessionCheckUnavailable", Level = LogLevel.Warning,
        Message = "Checking the session of user {UserId} with Supabase failed with status {StatusCode} and error code "
            + "{ErrorCode}; the user stays signed in.")]
    public static partial void SessionCheckUnavailable(ILogger logger, string? userId, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 2013, EventName = "SessionCookieIncomplete", Level = LogLevel.Warning,
        Message = "The session cookie lacks a required token; signing the user out.")]
    public static partial void SessionCookieIncomplete(ILogger logger);

    [LoggerMessage(EventId = 2020, EventName = "SignedOut", Level = LogLevel.Information,
        Message = "Signed out user {UserId} with scope {Scope}.")]
    public static partial void SignedOut(ILogger logger, string? userId, SignOutScope scope);

    [LoggerMessage(EventId = 2021, EventName = "SignOutRevokeFailed", Level = LogLevel.Warning,
        Message = "Revoking the Supabase session of user {UserId} failed with status {StatusCode} and error code "
            + "{ErrorCode}; the cookies are cleared anyway.")]
    public static partial void SignOutRevokeFailed(ILogger logger, string? userId, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 2022, EventName = "SignOutRejected", Level = LogLevel.Warning,
        Message = "Rejected a sign-out request without a valid antiforgery token.")]
    public static partial void SignOutRejected(ILogger logger);
}
