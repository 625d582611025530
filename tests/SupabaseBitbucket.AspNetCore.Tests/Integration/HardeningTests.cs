using System.Net;
using System.Net.Http.Headers;
using System.Web;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.AspNetCore.Tests.Integration;

/// <summary>
/// Hostile requests against the sign-in endpoints that once misbehaved or could have.
/// </summary>
public class HardeningTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await TestApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task SignOut_HeaderTokenMalformedForm_StillSignsOut()
    {
        using var browser = _app.NewBrowser();
        await browser.SignInAsync();
        var token = (await browser.SignOutFormAsync()).Single(f => f.Key == "__RequestVerificationToken").Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, browser.Resolve("/auth/signout"))
        {
            Content = new ByteArrayContent("--x\r\nbroken"u8.ToArray()),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        using var home = await browser.GetAsync("/");
        (await home.Content.ReadAsStringAsync()).Should().Contain("Sign in with Bitbucket");
    }

    [Test]
    public async Task Callback_FlowCookieUnderOtherName_ShowsFlowInvalid()
    {
        using var browser = _app.NewBrowser();
        var authorize = await browser.StartLoginAsync();
        var callback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(authorize), "Grant access", "alice");
        var flowId = SignInFlowTests.FlowIdOf(authorize);
        var value = browser.Cookies.GetAllCookies().Single(c => c.Name.EndsWith(flowId, StringComparison.Ordinal)).Value;
        const string otherId = "AAAAAAAAAAAAAAAAAAAAAA";
        browser.Cookies.Add(new Cookie(".SupabaseBitbucket.Flow." + otherId, value, "/auth", _app.BaseUrl.Host));
        var code = HttpUtility.ParseQueryString(callback.Query)["code"];

        var landing = await browser.RedirectOfAsync(browser.Resolve($"/auth/callback?flow={otherId}&code={code}"));

        landing.Should().Be("/auth/error?reason=flow_invalid");
    }

    [Test]
    public async Task Callback_WithoutFlowId_LeavesPendingSignInAlone()
    {
        using var browser = _app.NewBrowser();
        var authorize = await browser.StartLoginAsync("/profile");
        var callback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(authorize), "Grant access", "alice");
        var code = HttpUtility.ParseQueryString(callback.Query)["code"];

        var stray = await browser.RedirectOfAsync(browser.Resolve($"/auth/callback?code={code}"));
        var real = await browser.RedirectOfAsync(callback);

        stray.Should().Be("/auth/error?reason=flow_missing");
        real.Should().Be("/profile");
    }

    [Test]
    public async Task Login_ManyFlowCookies_DropsAFewAndLogsOnce()
    {
        using var browser = _app.NewBrowser();
        var cookies = string.Join("; ", Enumerable.Range(0, 400).Select(i =>
            $".SupabaseBitbucket.Flow.{i:D22}=x"));
        using var request = new HttpRequestMessage(HttpMethod.Get, browser.Resolve("/auth/login"));
        request.Headers.Add("Cookie", cookies);

        using var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var deletions = response.Headers.GetValues("Set-Cookie").Count(c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        deletions.Should().BeInRange(1, 32);
        _app.Logs.GetSnapshot().Count(r => r.Id.Name == "PendingFlowsDropped").Should().BeGreaterThanOrEqualTo(1);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Test]
    public async Task Login_UpperCaseForwardedProto_BuildsLowerCaseHttpsCallback()
    {
        using var browser = _app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, browser.Resolve("/auth/login"));
        request.Headers.Add("X-Forwarded-Proto", "HTTPS");

        using var response = await browser.SendAsync(request);

        var redirectTo = HttpUtility.ParseQueryString(response.Headers.Location!.Query)["redirect_to"];
        redirectTo.Should().StartWith("https://" + _app.BaseUrl.Authority + "/auth/callback?flow=");
        var flowCookie = response.Headers.GetValues("Set-Cookie").Single();
        flowCookie.Should().StartWith("__Host-SupabaseBitbucket.Flow.");
        flowCookie.ToLowerInvariant().Should().Contain("path=/;").And.Contain("secure");
    }

    [Test]
    public async Task Callback_ReloadAfterSignIn_SendsSignedInUserHome()
    {
        using var browser = _app.NewBrowser();
        var callback = await browser.SubmitConsentAsync(
            await browser.OpenConsentAsync(await browser.StartLoginAsync("/profile")), "Grant access", "alice");
        (await browser.RedirectOfAsync(callback)).Should().Be("/profile");

        var reload = await browser.RedirectOfAsync(callback);

        reload.Should().Be("/");
    }

    [TestCase("signout_rejected", false)]
    [TestCase("forbidden", false)]
    [TestCase("cancelled", true)]
    [TestCase("flow_missing", true)]
    public async Task ErrorPage_Reason_OffersSignInOnlyWhenUseful(string reason, bool offersSignIn)
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync("/auth/error?reason=" + reason);

        var html = await response.Content.ReadAsStringAsync();
        html.Contains("Sign in again", StringComparison.Ordinal).Should().Be(offersSignIn);
        html.Should().Contain(">Home</a>");
    }

    [Test]
    public async Task Callback_CancelWithNext_ErrorPageSignsInToNext()
    {
        using var browser = _app.NewBrowser();
        var consent = await browser.OpenConsentAsync(await browser.StartLoginAsync("/profile"));
        var callback = await browser.SubmitConsentAsync(consent, "Cancel");

        var landing = await browser.RedirectOfAsync(callback);
        using var page = await browser.GetAsync(landing);

        landing.Should().Be("/auth/error?reason=cancelled&next=%2Fprofile");
        (await page.Content.ReadAsStringAsync()).Should().Contain("href=\"/auth/login?next=%2Fprofile\"");
    }

    [TestCase("//evil.example")]
    [TestCase("https://evil.example/")]
    public async Task ErrorPage_HostileNext_IsLeftOutOfSignInLink(string next)
    {
        using var browser = _app.NewBrowser();

        using var page = await browser.GetAsync("/auth/error?reason=cancelled&next=" + Uri.EscapeDataString(next));

        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("href=\"/auth/login\"");
        html.Should().NotContain("evil");
    }

    [Test]
    public async Task ErrorPage_Always_RefusesFraming()
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync("/auth/error?reason=failed");

        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }

    [Test]
    public async Task Login_ForgedHostNotAllowed_IsRejectedByHostFiltering()
    {
        using var browser = _app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, browser.Resolve("/auth/login"));
        request.Headers.Host = "evil.example";

        using var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Login_AnyHostAllowedInProduction_WarnsOnce()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        using var browser = app.NewBrowser();

        await browser.StartLoginAsync();
        await browser.StartLoginAsync();

        app.Logs.GetSnapshot().Count(r => r.Id.Name == "HostUnchecked").Should().Be(1);
        _app.Logs.GetSnapshot().Should().NotContain(r => r.Id.Name == "HostUnchecked", "the sample restricts AllowedHosts");
    }
}
