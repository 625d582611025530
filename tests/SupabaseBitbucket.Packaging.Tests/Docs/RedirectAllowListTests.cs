using System.Net;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>
/// Checks the redirect allow-list advice of docs/setup.md against the emulator, which applies Supabase Auth's rules:
/// the documented entry lets the ASP.NET Core callback through, and without it the sign-in ends on the Site URL.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RedirectAllowListTests
{
    private const string SiteUrl = "https://www.example.com";
    private const string Callback = "https://app.example.com/auth/callback?flow=AbCdEfGhIjKlMnOpQr-_09";

    [TestCase("https://app.example.com/auth/callback*", "https://app.example.com/auth/callback", true)]
    [TestCase(null, SiteUrl + "/", false)]
    [TestCase("https://app.example.com/*", SiteUrl + "/", false)]
    public async Task CallbackRedirect_FollowsAllowList(string? entry, string expectedPath, bool keepsFlowId)
    {
        var options = new SupabaseAuthEmulatorOptions { SiteUrl = SiteUrl, AutoConsent = "alice" };
        if (entry is not null)
        {
            options.RedirectAllowList.Add(entry);
        }

        await using var emulator = await SupabaseAuthEmulator.StartAsync(options);

        var landing = await FollowWithinEmulatorAsync(emulator, AuthorizeUrl(emulator));

        landing.GetLeftPart(UriPartial.Path).Should().Be(expectedPath);
        landing.Query.Should().Contain("code=");
        landing.Query.Contains("flow=AbCdEfGhIjKlMnOpQr-_09", StringComparison.Ordinal).Should().Be(keepsFlowId);
    }

    [Test]
    public async Task PathBaseCallback_NeedsItsOwnEntry()
    {
        var options = new SupabaseAuthEmulatorOptions { SiteUrl = SiteUrl, AutoConsent = "alice" };
        options.RedirectAllowList.Add("https://app.example.com/portal/auth/callback*");
        await using var emulator = await SupabaseAuthEmulator.StartAsync(options);
        var callback = "https://app.example.com/portal/auth/callback?flow=AbCdEfGhIjKlMnOpQr-_09";

        var landing = await FollowWithinEmulatorAsync(emulator, AuthorizeUrl(emulator, callback));

        landing.GetLeftPart(UriPartial.Path).Should().Be("https://app.example.com/portal/auth/callback");
        landing.Query.Should().Contain("flow=AbCdEfGhIjKlMnOpQr-_09");
    }

    private static Uri AuthorizeUrl(SupabaseAuthEmulator emulator, string callback = Callback) => new(
        emulator.Url,
        "auth/v1/authorize?provider=bitbucket&redirect_to=" + Uri.EscapeDataString(callback)
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=s256");

    /// <summary>
    /// Follows redirects while they stay on the emulator and returns the first address outside it, which is never
    /// requested: the example hosts are not contacted.
    /// </summary>
    private static async Task<Uri> FollowWithinEmulatorAsync(SupabaseAuthEmulator emulator, Uri start)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var next = start;
        for (var hop = 0; hop < 10; hop++)
        {
            using var response = await client.GetAsync(next);
            response.StatusCode.Should().BeOneOf(HttpStatusCode.Found, HttpStatusCode.SeeOther, HttpStatusCode.Redirect);
            next = new Uri(next, response.Headers.Location!);
            if (next.Authority != emulator.Url.Authority)
            {
                return next;
            }
        }

        throw new AssertionException("The sign-in did not leave the emulator within 10 redirects.");
    }
}
