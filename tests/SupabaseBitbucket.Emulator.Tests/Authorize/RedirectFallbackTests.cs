using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Authorize;

public class RedirectFallbackTests : EmulatorTest
{
    private const string SiteUrl = "https://app.example.com/home";

    protected override void Configure(SupabaseAuthEmulatorOptions options)
    {
        options.SiteUrl = SiteUrl;
        options.AutoConsent = "alice";
        options.RedirectAllowList.Add("https://preview-*.example.org/**");
    }

    [Test]
    public async Task SignIn_AllowedRedirectTo_EndsThere()
    {
        var location = await SignInAsync("https://preview-42.example.org/auth/callback", referer: null);

        location.GetLeftPart(UriPartial.Path).Should().Be("https://preview-42.example.org/auth/callback");
    }

    [Test]
    public async Task SignIn_RejectedRedirect_EndsAtReferer()
    {
        var location = await SignInAsync("https://evil.test/steal", referer: "https://app.example.com/login");

        location.GetLeftPart(UriPartial.Path).Should().Be("https://app.example.com/login");
    }

    [Test]
    public async Task SignIn_BothRejected_EndsAtSiteUrl()
    {
        var location = await SignInAsync("https://evil.test/steal", referer: "https://evil.test/login");

        location.GetLeftPart(UriPartial.Path).Should().Be(SiteUrl);
    }

    [Test]
    public async Task SignIn_RedirectHeader_BeatsQuery()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, "auth/v1/authorize?provider=bitbucket&redirect_to=https%3A%2F%2Fapp.example.com%2Fquery");
        request.Headers.Add("redirect_to", "https://app.example.com/header");

        using var authorize = await Emulator.Http.SendAsync(request);
        var location = await FollowToTargetAsync(authorize.Headers.Location!);

        location.GetLeftPart(UriPartial.Path).Should().Be("https://app.example.com/header");
    }

    private async Task<Uri> SignInAsync(string redirectTo, string? referer)
    {
        using var authorize = await Emulator.GetAsync(
            "auth/v1/authorize?provider=bitbucket&code_challenge_method=s256&code_challenge=" + Pkce.Challenge
            + "&redirect_to=" + Uri.EscapeDataString(redirectTo),
            referer);
        authorize.StatusCode.Should().Be(HttpStatusCode.Found);
        return await FollowToTargetAsync(authorize.Headers.Location!);
    }

    private async Task<Uri> FollowToTargetAsync(Uri consent)
    {
        using var bitbucket = await Emulator.GetAsync(consent.ToString());
        using var callback = await Emulator.GetAsync(bitbucket.Headers.Location!.ToString());
        callback.StatusCode.Should().Be(HttpStatusCode.Found);
        return callback.Headers.Location!;
    }
}
