using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupabaseBitbucket.AspNetCore;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// Reads the app's cookies from a cookie jar and decrypts them with the app's own Data Protection keys, the
/// way the app itself reads them.
/// </summary>
internal static class AppCookies
{
    // The protector purpose of the flow cookies, as FlowCookies in SupabaseBitbucket.AspNetCore sets it. If it
    // changes there, ReadFlow throws a CryptographicException, so a test cannot pass on a stale copy.
    private const string FlowPurpose = "SupabaseBitbucket.AspNetCore.Flow.v1";

    public static IReadOnlyList<Cookie> Flows(CookieContainer jar) =>
        [.. Live(jar).Where(cookie => cookie.Name.StartsWith(SupabaseBitbucketDefaults.FlowCookiePrefix, StringComparison.Ordinal))];

    /// <summary>Returns whether the jar contains a session cookie, whole or in chunks.</summary>
    public static bool HasSession(CookieContainer jar) =>
        Live(jar).Any(cookie => cookie.Name.StartsWith(SupabaseBitbucketDefaults.SessionCookieName, StringComparison.Ordinal));

    /// <summary>Decrypts a flow cookie value into its created time, code verifier and next path.</summary>
    public static (DateTimeOffset CreatedAt, string CodeVerifier, string Next) ReadFlow(TestApp app, string protectedValue)
    {
        var protector = app.Host.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(FlowPurpose);
        var parts = protector.Unprotect(protectedValue).Split('\n');

        // The payload is a version and some fields, lines apart, that end with time, verifier and next. A next
        // path never contains a line break, because LocalRedirect rejects control characters.
        Assert.That(parts, Has.Length.GreaterThanOrEqualTo(4), "a flow cookie contains a version, time, verifier and next");
        var createdAt = long.Parse(parts[^3], System.Globalization.CultureInfo.InvariantCulture);
        return (DateTimeOffset.FromUnixTimeSeconds(createdAt), parts[^2], parts[^1]);
    }

    /// <summary>Decrypts the session cookie of the jar and returns the tokens stored in it, by name.</summary>
    public static IReadOnlyDictionary<string, string> ReadSessionTokens(TestApp app, CookieContainer jar) =>
        ReadSessionTokens(app, string.Join("; ", Live(jar).Select(cookie => cookie.Name + "=" + cookie.Value)));

    /// <summary>Decrypts the session cookie of a Cookie header and returns the tokens stored in it, by name.</summary>
    public static IReadOnlyDictionary<string, string> ReadSessionTokens(TestApp app, string cookieHeader)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeader;
        var value = new ChunkingCookieManager().GetRequestCookie(context, SupabaseBitbucketDefaults.SessionCookieName);
        Assert.That(value, Is.Not.Null.And.Not.Empty, "the jar contains a session cookie");

        var options = app.Host.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(SupabaseBitbucketDefaults.AuthenticationScheme);
        var ticket = options.TicketDataFormat.Unprotect(value);
        Assert.That(ticket, Is.Not.Null, "the session cookie decrypts with the app's keys");
        return ticket!.Properties.GetTokens().ToDictionary(token => token.Name, token => token.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<Cookie> Live(CookieContainer jar) => jar.GetAllCookies().Where(cookie => !cookie.Expired);
}
