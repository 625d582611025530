using System.Net;
using System.Text.RegularExpressions;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.Benchmarks.FullFlow;

/// <summary>
/// One complete sign-in through the sample as a new browser, with an empty cookie jar and connections of its own:
/// login, consent as an account on the emulated Bitbucket page, callback, the profile page and sign-out.
/// </summary>
internal static partial class FullSignIn
{
    private const string ProfilePath = "/profile";

    /// <summary>Signs in as <paramref name="account"/>, checks that the profile shows it, and signs out.</summary>
    /// <exception cref="InvalidOperationException">A step returned something a sign-in does not expect.</exception>
    /// <remarks>
    /// Besides the exception above, a failed step throws what <see cref="TestBrowser"/> throws: an HTTP error, a
    /// timeout, or an assertion failure of a redirect it expected.
    /// </remarks>
    public static async Task RunAsync(TestApp app, EmulatorAccount account)
    {
        using var browser = app.NewBrowser();
        var landing = await browser.SignInAsync(account.Username, ProfilePath);
        Check(landing == ProfilePath, $"The callback redirected to {landing} instead of {ProfilePath}.");

        using var profile = await browser.GetAsync(ProfilePath);
        var html = await profile.Content.ReadAsStringAsync();
        Check(profile.StatusCode == HttpStatusCode.OK, $"The profile page returned {(int)profile.StatusCode}.");
        var email = account.Emails[0].Email;
        Check(Field(html, "email") == email, $"The profile page does not show the email {email}.");
        Check(Field(html, "bitbucket-uuid") == account.Uuid, $"The profile page does not show UUID {account.Uuid}.");

        var signOutFields = HtmlForm.Parse(html).Fields;
        using var signedOut = await browser.PostFormAsync(browser.Resolve("/auth/signout"), signOutFields);
        var location = signedOut.Headers.Location?.OriginalString;
        Check(location == "/", $"Sign-out returned {(int)signedOut.StatusCode}, location {location ?? "(none)"}.");
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    /// <summary>Returns the decoded text of the <c>dd</c> element with the id, or null if there is none.</summary>
    private static string? Field(string html, string id)
    {
        var match = FieldPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == id);
        return match is null ? null : WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("<dd id=\"(?<id>[a-z-]+)\">(?<value>[^<]*)</dd>")]
    private static partial Regex FieldPattern();
}
