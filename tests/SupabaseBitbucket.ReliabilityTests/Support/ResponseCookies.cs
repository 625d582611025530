using Microsoft.Net.Http.Headers;
using SupabaseBitbucket.AspNetCore;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>The Set-Cookie headers of a response, sorted into the app's session and flow cookies.</summary>
internal sealed class ResponseCookies
{
    private readonly IList<SetCookieHeaderValue> _cookies;

    public ResponseCookies(HttpResponseMessage response)
    {
        _cookies = response.Headers.NonValidated.TryGetValues("Set-Cookie", out var values)
            ? SetCookieHeaderValue.ParseList([.. values])
            : [];
    }

    /// <summary>The session cookies (whole or chunks) that the response writes with a value.</summary>
    public IReadOnlyList<SetCookieHeaderValue> SessionWritten => Written(SupabaseBitbucketDefaults.SessionCookieName);

    /// <summary>The session cookies that the response deletes.</summary>
    public IReadOnlyList<SetCookieHeaderValue> SessionDeleted => Deleted(SupabaseBitbucketDefaults.SessionCookieName);

    public IReadOnlyList<SetCookieHeaderValue> FlowWritten => Written(SupabaseBitbucketDefaults.FlowCookiePrefix);

    public IReadOnlyList<SetCookieHeaderValue> FlowDeleted => Deleted(SupabaseBitbucketDefaults.FlowCookiePrefix);

    /// <summary>Returns the written session cookies as a Cookie header, or null when none is written.</summary>
    public string? SessionCookieHeader() =>
        SessionWritten.Count == 0 ? null : string.Join("; ", SessionWritten.Select(c => $"{c.Name}={c.Value}"));

    private List<SetCookieHeaderValue> Written(string namePrefix) =>
        [.. _cookies.Where(c => HasPrefix(c, namePrefix) && !IsDeletion(c))];

    private List<SetCookieHeaderValue> Deleted(string namePrefix) =>
        [.. _cookies.Where(c => HasPrefix(c, namePrefix) && IsDeletion(c))];

    private static bool HasPrefix(SetCookieHeaderValue cookie, string prefix) =>
        cookie.Name.Value!.StartsWith(prefix, StringComparison.Ordinal);

    private static bool IsDeletion(SetCookieHeaderValue cookie) =>
        cookie.Value.Length == 0 || cookie.Expires < DateTimeOffset.UtcNow || cookie.MaxAge <= TimeSpan.Zero;
}
