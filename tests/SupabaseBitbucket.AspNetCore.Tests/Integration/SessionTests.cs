using System.Net;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Testing;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.AspNetCore.Tests.Integration;

public class SessionTests
{
    [Test]
    public async Task SignOut_WithAntiforgeryToken_ClearsCookieAndRevokesSession()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        using var other = app.NewBrowser();
        await other.SignInAsync();
        var form = await browser.SignOutFormAsync();

        using var response = await browser.PostFormAsync(browser.Resolve("/auth/signout"), form);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        (await HomeHtmlAsync(browser)).Should().Contain("Sign in with Bitbucket");
        app.AllLogText().Should().Contain("SignedOut");
    }

    [Test]
    public async Task SignOut_NonAsciiNext_RedirectsToEncodedPath()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        var form = await browser.SignOutFormAsync();
        form.Add(new("next", "/café"));

        using var response = await browser.PostFormAsync(browser.Resolve("/auth/signout"), form);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/caf%C3%A9");
    }

    [Test]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejectedAndKeepsSession()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.NewBrowser();
        await browser.SignInAsync();

        using var response = await browser.PostFormAsync(browser.Resolve("/auth/signout"), []);

        response.Headers.Location!.OriginalString.Should().Be("/auth/error?reason=signout_rejected");
        (await HomeHtmlAsync(browser)).Should().Contain("Signed in");
    }

    [Test]
    public async Task SignOut_SupabaseUnreachable_StillClearsCookie()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        var form = await browser.SignOutFormAsync();
        app.Emulator.InjectFault(EmulatorEndpoint.Logout, EmulatorFault.DropConnection());

        using var response = await browser.PostFormAsync(browser.Resolve("/auth/signout"), form);

        response.Headers.Location!.OriginalString.Should().Be("/");
        (await HomeHtmlAsync(browser)).Should().Contain("Sign in with Bitbucket");
        app.AllLogText().Should().Contain("SignOutRevokeFailed");
    }

    [Test]
    public async Task SignOut_GlobalScope_SignsOutOtherBrowserAtNextRefresh()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var first = app.NewBrowser();
        using var second = app.NewBrowser();
        await first.SignInAsync("alice");
        await second.SignInAsync("alice");
        var form = await first.SignOutFormAsync();
        using (await first.PostFormAsync(first.Resolve("/auth/signout"), form))
        {
        }

        time.Advance(TimeSpan.FromMinutes(59.5));
        var location = await second.RedirectOfAsync(second.Resolve("/profile"));

        location.Should().StartWith("/auth/login");
        app.AllLogText().Should().Contain("RefreshRejected");
        second.Cookies.GetAllCookies().Should().NotContain(c => c.Name.StartsWith(".SupabaseBitbucket.Session", StringComparison.Ordinal) && !c.Expired);
    }

    [Test]
    public async Task SessionCheck_EndedElsewhere_SignsOutBeforeTokenExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var first = app.NewBrowser();
        using var second = app.NewBrowser();
        await first.SignInAsync("alice");
        await second.SignInAsync("alice");
        using (await first.PostFormAsync(first.Resolve("/auth/signout"), await first.SignOutFormAsync()))
        {
        }

        time.Advance(TimeSpan.FromMinutes(6));
        var location = await second.RedirectOfAsync(second.Resolve("/profile"));

        location.Should().StartWith("/auth/login");
        app.AllLogText().Should().Contain("SessionEnded");
    }

    [Test]
    public async Task SessionCheck_CopiedCookieAfterSignOut_StopsWorking()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        var stolen = browser.Cookies.GetCookieHeader(app.BaseUrl);
        using (await browser.PostFormAsync(browser.Resolve("/auth/signout"), await browser.SignOutFormAsync()))
        {
        }

        time.Advance(TimeSpan.FromMinutes(6));
        using var thief = app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, thief.Resolve("/profile"));
        request.Headers.Add("Cookie", stolen);
        using var response = await thief.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/auth/login");
    }

    [Test]
    public async Task SessionCheck_SupabaseDown_KeepsUserSignedIn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        app.Emulator.InjectFault(EmulatorEndpoint.User, EmulatorFault.Status(503, "unexpected_failure", "Down"), count: 2);

        time.Advance(TimeSpan.FromMinutes(6));
        using var home = await browser.GetAsync("/");

        home.StatusCode.Should().Be(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).Should().Contain("Signed in");
        app.AllLogText().Should().Contain("SessionCheckUnavailable");
    }

    [Test]
    public async Task SessionCheck_WithinInterval_DoesNotAskSupabase()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        app.Emulator.InjectFault(EmulatorEndpoint.User, EmulatorFault.Status(503, "unexpected_failure", "Down"));

        time.Advance(TimeSpan.FromMinutes(4));
        using (await browser.GetAsync("/"))
        {
        }

        app.Emulator.PendingFaultCount(EmulatorEndpoint.User).Should().Be(1, "no request reached /user");
    }

    [Test]
    public async Task Refresh_NearExpiry_RotatesTokensAndKeepsUserSignedIn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        var before = await ExpiresAtAsync(browser);

        time.Advance(TimeSpan.FromMinutes(59.5));
        using var profile = await browser.GetAsync("/profile");

        profile.StatusCode.Should().Be(HttpStatusCode.OK);
        var after = ExpiresAtOf(await profile.Content.ReadAsStringAsync());
        after.Should().BeAfter(before);
        app.AllLogText().Should().Contain("SessionRefreshed");
    }

    [Test]
    public async Task Refresh_SupabaseDownTokenStillValid_KeepsUserSignedIn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        app.Emulator.InjectFault(EmulatorEndpoint.TokenRefresh, EmulatorFault.Status(503, "unexpected_failure", "Service unavailable"), count: 100);

        time.Advance(TimeSpan.FromMinutes(59.5));
        using var profile = await browser.GetAsync("/profile");

        profile.StatusCode.Should().Be(HttpStatusCode.OK);
        app.AllLogText().Should().Contain("RefreshUnavailable");
    }

    [Test]
    public async Task Refresh_SupabaseDownTokenExpired_AsksToSignInButKeepsCookie()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        await browser.SignInAsync();
        app.Emulator.InjectFault(EmulatorEndpoint.TokenRefresh, EmulatorFault.DropConnection(), count: 1);
        time.Advance(TimeSpan.FromMinutes(61));

        var location = await browser.RedirectOfAsync(browser.Resolve("/profile"));
        using var retry = await browser.GetAsync("/profile");

        location.Should().StartWith("/auth/login");
        retry.StatusCode.Should().Be(HttpStatusCode.OK, "the cookie survived, so the next refresh succeeds");
    }

    [Test]
    public async Task Login_ForgedForwardedHost_IsIgnored()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, browser.Resolve("/auth/login"));
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        using var response = await browser.SendAsync(request);

        var redirectTo = HttpUtility.ParseQueryString(response.Headers.Location!.Query)["redirect_to"];
        redirectTo.Should().StartWith(app.BaseUrl.AbsoluteUri.TrimEnd('/') + "/auth/callback");
        redirectTo.Should().NotContain("evil");
    }

    [Test]
    public async Task Login_PublicOriginConfigured_BuildsCallbackFromIt()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Supabase:AspNetCore:PublicOrigin"] = "https://app.example.com",
        });
        using var browser = app.NewBrowser();

        var authorize = await browser.StartLoginAsync();

        HttpUtility.ParseQueryString(authorize.Query)["redirect_to"].Should().StartWith("https://app.example.com/auth/callback?flow=");
    }

    [Test]
    public async Task Callback_FlowExpiredAtSupabase_ShowsFlowExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        var callback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(await browser.StartLoginAsync()), "Grant access", "alice");

        time.Advance(TimeSpan.FromSeconds(301));
        var landing = await browser.RedirectOfAsync(callback);

        landing.Should().Be("/auth/error?reason=flow_expired");
    }

    [Test]
    public async Task Callback_FlowCookieOlderThanTenMinutes_ShowsFlowMissing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(time: time);
        using var browser = app.NewBrowser();
        var flow = SignInFlowTests.FlowIdOf(await browser.StartLoginAsync());

        time.Advance(TimeSpan.FromMinutes(11));
        var landing = await browser.RedirectOfAsync(browser.Resolve($"/auth/callback?flow={flow}&code=whatever"));

        landing.Should().Be("/auth/error?reason=flow_missing");
    }

    private static async Task<string> HomeHtmlAsync(TestBrowser browser)
    {
        using var home = await browser.GetAsync("/");
        return await home.Content.ReadAsStringAsync();
    }

    private static async Task<DateTimeOffset> ExpiresAtAsync(TestBrowser browser)
    {
        using var profile = await browser.GetAsync("/profile");
        return ExpiresAtOf(await profile.Content.ReadAsStringAsync());
    }

    private static DateTimeOffset ExpiresAtOf(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "id=\"expires-at\">([^<]+)<");
        match.Success.Should().BeTrue("the profile shows the session expiry");
        return DateTimeOffset.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
