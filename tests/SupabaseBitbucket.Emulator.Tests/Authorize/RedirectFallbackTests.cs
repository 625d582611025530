using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Authorize;

public class RedirectFallbackTests
{
    private const string SiteUrl = "https://app.example.com/home";

    private TestEmulator emulator = null!;

    [SetUp]
    public async Task StartAsync() => emulator = await TestEmulator.StartAsync(options =>
    {
        options.SiteUrl = SiteUrl;
        options.AutoConsent = "alice";
        options.RedirectAllowList.Add("https://preview-*.example.org/**");
    });

    [TearDown]
    public async Task StopAsync() => await emulator.DisposeAsync();

    [Test]
    public async Task SignIn_AllowedRedirectTo_EndsThere()
    {
        var location = await SignInAsync("https://preview-42.example.org/auth/callback", referer: null);

        location.GetLeftPart(UriPartial.Path).Should().Be("https://preview-42.example.org/auth/callback");
    }

    [Test]
    public async Task SignIn_RejectedRedirectTo_EndsAtAllowedReferer()
    {
        var location = await SignInAsync("https://evil.test/steal", referer: "https://app.example.com/login");

        location.GetLeftPart(UriPartial.Path).Should().Be("https://app.example.com/login");
    }

    [Test]
    public async Task SignIn_RejectedRedirectToAndReferer_EndsAtSiteUrl()
    {
        var location = await SignInAsync("https://evil.test/steal", referer: "https://evil.test/login");

        location.GetLeftPart(UriPartial.Path).Should().Be(SiteUrl);
    }

    [Test]
    public async Task SignIn_RedirectToHeader_TakesPrecedenceOverQuery()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, "auth/v1/authorize?provider=bitbucket&redirect_to=https%3A%2F%2Fapp.example.com%2Fquery");
        request.Headers.Add("redirect_to", "https://app.example.com/header");

        using var authorize = await emulator.Http.SendAsync(request);
        var location = await FollowToTargetAsync(authorize.Headers.Location!);

        location.GetLeftPart(UriPartial.Path).Should().Be("https://app.example.com/header");
    }

    private async Task<Uri> SignInAsync(string redirectTo, string? referer)
    {
        using var authorize = await emulator.GetAsync(
            "auth/v1/authorize?provider=bitbucket&code_challenge_method=s256&code_challenge=" + Pkce.Challenge
            + "&redirect_to=" + Uri.EscapeDataString(redirectTo),
            referer);
        authorize.StatusCode.Should().Be(HttpStatusCode.Found);
        return await FollowToTargetAsync(authorize.Headers.Location!);
    }

    private async Task<Uri> FollowToTargetAsync(Uri consent)
    {
        using var bitbucket = await emulator.GetAsync(consent.ToString());
        using var callback = await emulator.GetAsync(bitbucket.Headers.Location!.ToString());
        callback.StatusCode.Should().Be(HttpStatusCode.Found);
        return callback.Headers.Location!;
    }
}
