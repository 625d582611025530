using System.Net;
using System.Web;
using SupabaseBitbucket.Testing;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.AspNetCore.Tests.Integration;

public class SignInFlowTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await TestApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TearDown]
    public void ClearFaults() => _app.Emulator.ClearFaults();

    [Test]
    public async Task Login_Always_RedirectsToAuthorizeWithCallbackAndFlowCookie()
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync("/auth/login?next=%2Fprofile");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.AbsoluteUri.Should().StartWith(_app.Emulator.Url.AbsoluteUri.TrimEnd('/') + "/auth/v1/authorize?provider=bitbucket");
        var redirectTo = HttpUtility.ParseQueryString(location.Query)["redirect_to"];
        redirectTo.Should().MatchRegex("^" + _app.BaseUrl.AbsoluteUri.TrimEnd('/').Replace(".", "\\.") + "/auth/callback\\?flow=[A-Za-z0-9_-]{22}$");
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        setCookie.Should().StartWith(".SupabaseBitbucket.Flow.");
        setCookie.ToLowerInvariant().Should().Contain("httponly").And.Contain("samesite=lax")
            .And.Contain("path=/auth").And.Contain("max-age=600");
        setCookie.ToLowerInvariant().Should().NotContain("secure", "the app runs on plain http here");
    }

    [Test]
    public async Task SignIn_GrantAtConsent_LandsOnNextAndShowsProfile()
    {
        using var browser = _app.NewBrowser();

        var landing = await browser.SignInAsync("alice", next: "/profile");

        landing.Should().Be("/profile");
        using var profile = await browser.GetAsync("/profile");
        profile.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await profile.Content.ReadAsStringAsync();
        var alice = _app.Emulator.Accounts.Single(a => a.Username == "alice");
        html.Should().Contain(WebUtility.HtmlEncode(alice.DisplayName));
        html.Should().Contain(alice.Emails.Single(e => e.IsPrimary).Email);
        html.Should().Contain("bitbucket");
        html.Should().Contain(WebUtility.HtmlEncode(alice.Uuid), "the profile reads the Bitbucket account with the provider token");
    }

    [Test]
    public async Task SignIn_FlowCookie_IsDeletedAtCallback()
    {
        using var browser = _app.NewBrowser();

        await browser.SignInAsync();

        browser.Cookies.GetAllCookies().Select(c => c.Name).Should().NotContain(n => n.StartsWith(".SupabaseBitbucket.Flow.", StringComparison.Ordinal));
        browser.Cookies.GetAllCookies().Should().Contain(c => c.Name.StartsWith(".SupabaseBitbucket.Session", StringComparison.Ordinal) && c.HttpOnly);
    }

    [Test]
    public async Task SignIn_NoNext_LandsOnHome()
    {
        using var browser = _app.NewBrowser();

        var landing = await browser.SignInAsync();

        landing.Should().Be("/");
    }

    [TestCase("/café", "/caf%C3%A9")]
    [TestCase("/\u200b/evil.example", "/%E2%80%8B/evil.example")]
    public async Task SignIn_NonAsciiNext_LandsOnEncodedPath(string next, string expected)
    {
        using var browser = _app.NewBrowser();

        var landing = await browser.SignInAsync(next: next);

        landing.Should().Be(expected, "a Location header carries ASCII only, so the path is sent percent-encoded");
    }

    [TestCase("//evil.example/")]
    [TestCase("https://evil.example/")]
    [TestCase("/\\evil.example")]
    [TestCase("/%2F%2Fevil.example")]
    public async Task SignIn_HostileNext_LandsOnHome(string next)
    {
        using var browser = _app.NewBrowser();

        var landing = await browser.SignInAsync(next: next);

        landing.Should().Be("/");
    }

    [Test]
    public async Task Profile_Anonymous_RedirectsToLoginWithNext()
    {
        using var browser = _app.NewBrowser();

        var location = await browser.RedirectOfAsync(browser.Resolve("/profile"));

        location.Should().Be("/auth/login?next=%2Fprofile");
    }

    [Test]
    public async Task SignIn_TwoTabs_BothComplete()
    {
        using var browser = _app.NewBrowser();
        var firstAuthorize = await browser.StartLoginAsync("/first");
        var secondAuthorize = await browser.StartLoginAsync("/second");

        var secondCallback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(secondAuthorize), "Grant access", "bob");
        var firstCallback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(firstAuthorize), "Grant access", "alice");

        (await browser.RedirectOfAsync(secondCallback)).Should().Be("/second");
        (await browser.RedirectOfAsync(firstCallback)).Should().Be("/first");
    }

    [Test]
    public async Task Callback_CancelAtConsent_ShowsCancelled()
    {
        using var browser = _app.NewBrowser();
        var consent = await browser.OpenConsentAsync(await browser.StartLoginAsync());

        var callback = await browser.SubmitConsentAsync(consent, "Cancel");

        (await browser.RedirectOfAsync(callback)).Should().Be("/auth/error?reason=cancelled");
    }

    [Test]
    public async Task Callback_AccountWithoutEmail_ShowsNoEmail()
    {
        using var browser = _app.NewBrowser();

        var landing = await browser.SignInAsync("no-email");

        landing.Should().Be("/auth/error?reason=no_email");
    }

    [Test]
    public async Task Callback_FlowCookieMissing_ShowsFlowMissing()
    {
        using var browser = _app.NewBrowser();
        var consent = await browser.OpenConsentAsync(await browser.StartLoginAsync());
        var callback = await browser.SubmitConsentAsync(consent, "Grant access", "alice");
        using var otherBrowser = _app.NewBrowser();

        var landing = await otherBrowser.RedirectOfAsync(callback);

        landing.Should().Be("/auth/error?reason=flow_missing");
    }

    [Test]
    public async Task Callback_FlowCookieTampered_ShowsFlowInvalid()
    {
        using var browser = _app.NewBrowser();
        var consent = await browser.OpenConsentAsync(await browser.StartLoginAsync());
        var callback = await browser.SubmitConsentAsync(consent, "Grant access", "alice");
        foreach (Cookie cookie in browser.Cookies.GetAllCookies())
        {
            if (cookie.Name.StartsWith(".SupabaseBitbucket.Flow.", StringComparison.Ordinal))
            {
                cookie.Value = "CfDJ8" + new string('A', 100);
            }
        }

        var landing = await browser.RedirectOfAsync(callback);

        landing.Should().Be("/auth/error?reason=flow_invalid");
    }

    [Test]
    public async Task Callback_CodeAlreadyUsed_ShowsCodeInvalid()
    {
        using var browser = _app.NewBrowser();
        var callback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(await browser.StartLoginAsync()), "Grant access", "alice");
        (await browser.RedirectOfAsync(callback)).Should().Be("/");
        var code = HttpUtility.ParseQueryString(callback.Query)["code"];
        var secondAuthorize = await browser.StartLoginAsync();
        var secondFlow = FlowIdOf(secondAuthorize);

        var landing = await browser.RedirectOfAsync(browser.Resolve($"/auth/callback?flow={secondFlow}&code={code}"));

        landing.Should().Be("/auth/error?reason=code_invalid");
    }

    [Test]
    public async Task Callback_CodeOfAnotherFlow_ShowsVerifierMismatch()
    {
        using var browser = _app.NewBrowser();
        var firstCallback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(await browser.StartLoginAsync()), "Grant access", "alice");
        var secondFlow = FlowIdOf(await browser.StartLoginAsync());
        var code = HttpUtility.ParseQueryString(firstCallback.Query)["code"];

        var landing = await browser.RedirectOfAsync(browser.Resolve($"/auth/callback?flow={secondFlow}&code={code}"));

        landing.Should().Be("/auth/error?reason=verifier_mismatch");
    }

    [Test]
    public async Task Callback_NoCodeNoError_ShowsCodeMissing()
    {
        using var browser = _app.NewBrowser();
        var flow = FlowIdOf(await browser.StartLoginAsync());

        var landing = await browser.RedirectOfAsync(browser.Resolve($"/auth/callback?flow={flow}"));

        landing.Should().Be("/auth/error?reason=code_missing");
    }

    [Test]
    public async Task Callback_OtherProviderError_ShowsProviderError()
    {
        using var browser = _app.NewBrowser();
        var flow = FlowIdOf(await browser.StartLoginAsync());

        var landing = await browser.RedirectOfAsync(browser.Resolve(
            $"/auth/callback?flow={flow}&error=temporarily_unavailable&error_description=Call+0800+now"));

        landing.Should().Be("/auth/error?reason=provider_error");
    }

    [Test]
    public async Task Callback_ProviderErrorOfOtherShape_IsNotLogged()
    {
        using var browser = _app.NewBrowser();
        var flow = FlowIdOf(await browser.StartLoginAsync());
        var pasted = Guid.NewGuid().ToString();

        var landing = await browser.RedirectOfAsync(browser.Resolve(
            $"/auth/callback?flow={flow}&error=server_error{pasted}&error_code={pasted}"));

        landing.Should().Be("/auth/error?reason=provider_error");
        _app.AllLogText().Should().NotContain(pasted, "query text that is no error code stays out of the log");
        _app.AllLogText().Should().Contain("the provider returned error other with error code other");
    }

    [Test]
    public async Task Callback_SupabaseFailing_ShowsUnavailable()
    {
        using var browser = _app.NewBrowser();
        var callback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(await browser.StartLoginAsync()), "Grant access", "alice");
        _app.Emulator.InjectFault(EmulatorEndpoint.TokenPkce, EmulatorFault.Html(502));

        var landing = await browser.RedirectOfAsync(callback);

        landing.Should().Be("/auth/error?reason=unavailable");
        using var home = await browser.GetAsync("/");
        (await home.Content.ReadAsStringAsync()).Should().Contain("Sign in with Bitbucket", "no session was created");
    }

    [Test]
    public async Task Callback_SupabaseUnreachable_ShowsUnavailable()
    {
        using var browser = _app.NewBrowser();
        var callback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(await browser.StartLoginAsync()), "Grant access", "alice");
        _app.Emulator.InjectFault(EmulatorEndpoint.TokenPkce, EmulatorFault.DropConnection());

        var landing = await browser.RedirectOfAsync(callback);

        landing.Should().Be("/auth/error?reason=unavailable");
    }

    [Test]
    public async Task Callback_Succeeded_LogsCompletionWithoutSecrets()
    {
        using var browser = _app.NewBrowser();
        var callback = await browser.SubmitConsentAsync(await browser.OpenConsentAsync(await browser.StartLoginAsync()), "Grant access", "alice");
        var code = HttpUtility.ParseQueryString(callback.Query)["code"]!;

        await browser.RedirectOfAsync(callback);

        var logs = _app.AllLogText();
        logs.Should().Contain("SignInCompleted");
        logs.Should().NotContain(code);
        logs.Should().NotContain(_app.Emulator.PublishableKey);
    }

    [Test]
    public async Task Profile_SupabaseUserAnswers_ShowsRoleAndLastSignIn()
    {
        using var browser = _app.NewBrowser();
        await browser.SignInAsync();

        using var profile = await browser.GetAsync("/profile");

        var html = await profile.Content.ReadAsStringAsync();
        html.Should().Contain("id=\"supabase-role\">authenticated<");
        html.Should().NotContain("supabase-unavailable");
    }

    [Test]
    public async Task Profile_SupabaseUserFailing_ShowsNoteInsteadOfError()
    {
        using var browser = _app.NewBrowser();
        await browser.SignInAsync();
        _app.Emulator.InjectFault(EmulatorEndpoint.User, EmulatorFault.Html(502));

        using var profile = await browser.GetAsync("/profile");

        profile.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await profile.Content.ReadAsStringAsync();
        html.Should().Contain("id=\"supabase-unavailable\"");
        html.Should().Contain("id=\"email\">alice@");
    }

    [Test]
    public async Task ErrorPage_KnownReason_ShowsItsExplanation()
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync("/auth/error?reason=cancelled");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Sign-in cancelled");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
    }

    [Test]
    public async Task ErrorPage_UnknownReason_ShowsGenericTextOnly()
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync("/auth/error?reason=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Sign-in failed");
        html.Should().NotContain("<script>").And.NotContain("alert(1)");
    }

    [Test]
    public async Task Claims_AfterSignIn_CarryIdEmailNameProviderSession()
    {
        using var browser = _app.NewBrowser();
        await browser.SignInAsync("bob");

        using var profile = await browser.GetAsync("/profile");

        var html = await profile.Content.ReadAsStringAsync();
        var bob = _app.Emulator.Accounts.Single(a => a.Username == "bob");
        html.Should().MatchRegex("id=\"user-id\">[0-9a-f-]{36}<");
        html.Should().Contain($"id=\"email\">{bob.Emails.Single(e => e.IsPrimary).Email}<");
        html.Should().Contain($"id=\"full-name\">{WebUtility.HtmlEncode(bob.DisplayName)}<");
        html.Should().Contain("id=\"provider\">bitbucket<");
    }

    internal static string FlowIdOf(Uri authorizeUrl)
    {
        var redirectTo = new Uri(HttpUtility.ParseQueryString(authorizeUrl.Query)["redirect_to"]!);
        return HttpUtility.ParseQueryString(redirectTo.Query)["flow"]!;
    }
}
