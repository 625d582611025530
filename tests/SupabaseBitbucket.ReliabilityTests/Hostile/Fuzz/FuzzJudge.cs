using System.Reflection;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.AspNetCore;
using SupabaseBitbucket.ReliabilityTests.Support;

namespace SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;

/// <summary>
/// Decides whether the app handled a fuzzed request correctly. A login must redirect (302) to the Supabase
/// authorize URL, write one flow cookie and delete the oldest pending ones. A callback must redirect to the error page with a known reason, or complete the sign-in when
/// the case left the real flow intact. Only a completed sign-in may set a session cookie.
/// </summary>
internal sealed class FuzzJudge(string authorizeUrlPrefix, int maxPendingFlows)
{
    private const string ErrorPrefix = "/auth/error?reason=";

    /// <summary>
    /// How many flow cookies of one request the app reads at most (FlowCookies in SupabaseBitbucket.AspNetCore),
    /// so that a request stuffed with cookies costs bounded work. A login drops the oldest of those it read until
    /// <c>MaxPendingFlows</c> remain with the new one; cookies beyond the first 32 stay until they expire.
    /// </summary>
    private const int MaxScannedFlowCookies = 32;

    private static readonly HashSet<string> KnownReasons = [.. typeof(SignInErrorReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)];

    /// <summary>Returns the outcome's name for the figures, and a description of what was wrong, if anything.</summary>
    public (string Outcome, string? Failure, string? SessionCookieHeader) Judge(FuzzCase fuzzCase, HttpResponseMessage response)
    {
        if ((int)response.StatusCode != StatusCodes.Status302Found)
        {
            return ("status " + (int)response.StatusCode, $"status {(int)response.StatusCode}, expected 302", null);
        }

        var location = response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.Single() : string.Empty;
        var cookies = new ResponseCookies(response);
        var sessionHeader = cookies.SessionCookieHeader();

        return fuzzCase.Target == FuzzTarget.Login
            ? JudgeLogin(fuzzCase, location, cookies, sessionHeader)
            : JudgeCallback(location, cookies, sessionHeader);
    }

    private (string, string?, string?) JudgeLogin(
        FuzzCase fuzzCase, string location, ResponseCookies cookies, string? sessionHeader)
    {
        if (!location.StartsWith(authorizeUrlPrefix, StringComparison.Ordinal))
        {
            return ("login elsewhere", $"login redirected to {Shorten(location)}", null);
        }

        var written = cookies.FlowWritten.Count;
        var deleted = cookies.FlowDeleted.Count;
        var pending = PendingFlowCount(fuzzCase.CookieHeader);
        if (written != 1)
        {
            return ("login flow cookies", $"login wrote {written} flow cookies, expected 1", null);
        }

        var expectedDeleted = Math.Max(0, Math.Min(pending, MaxScannedFlowCookies) - maxPendingFlows + 1);
        if (deleted != expectedDeleted)
        {
            return ("login flow cookies", $"login deleted {deleted} of {pending} pending flows, expected {expectedDeleted}", null);
        }

        return sessionHeader is null
            ? ("login -> authorize", null, null)
            : ("login session", "login set a session cookie", null);
    }

    private static (string, string?, string?) JudgeCallback(
        string location, ResponseCookies cookies, string? sessionHeader)
    {
        if (cookies.FlowWritten.Count > 0)
        {
            return ("callback flow cookie", "the callback wrote a flow cookie", null);
        }

        if (location.StartsWith(ErrorPrefix, StringComparison.Ordinal))
        {
            // The error page URL may also carry the sign-in's local next path after the reason.
            var reason = location[ErrorPrefix.Length..].Split('&')[0];
            if (!KnownReasons.Contains(reason))
            {
                return ("unknown reason", $"unknown reason {Shorten(reason)}", null);
            }

            return sessionHeader is null
                ? ("callback -> " + reason, null, null)
                : ("callback session", $"the callback failed with {reason} but set a session cookie", null);
        }

        if (!LocalRedirect.IsLocal(location))
        {
            return ("callback elsewhere", $"the callback redirected to {Shorten(location)}", null);
        }

        return sessionHeader is null
            ? ("callback no session", $"the callback redirected to {Shorten(location)} without a session cookie", null)
            : ("callback -> signed in", null, sessionHeader);
    }

    /// <summary>Counts the flow cookies of a Cookie header as ASP.NET Core's own parser reads them.</summary>
    private static int PendingFlowCount(string cookieHeader)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeader;
        return context.Request.Cookies.Keys.Count(name =>
            name.StartsWith(SupabaseBitbucketDefaults.FlowCookiePrefix, StringComparison.Ordinal)
            && name.Length == SupabaseBitbucketDefaults.FlowCookiePrefix.Length + 22
            && name[SupabaseBitbucketDefaults.FlowCookiePrefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
