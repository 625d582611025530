using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Faults;

/// <summary>
/// Fails the code exchange, the user request of the profile page and the sign-out revocation in every way of
/// <see cref="FaultTable"/>, and checks the page the user gets, which cookies remain and what is logged.
/// </summary>
public class FaultTests
{
    private readonly SecretLedger _secrets = new();
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.StartAsync(emulator => emulator.AutoConsent = "alice", FaultTable.AppSettings());
        _secrets.AddKeys(_app);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TearDown]
    public void ClearFaults() => _app.Emulator.ClearFaults();

    [TestCaseSource(typeof(FaultTable), nameof(FaultTable.Cases))]
    public async Task Exchange_Fault_ShowsUnavailableWithoutCookies(FaultRow fault)
    {
        using var browser = _app.NewBrowser();
        var (callback, flowCookie) = await SignInSteps.StartAsync(_app, browser, _secrets);
        var logs = new LogWindow(_app);
        _app.Emulator.InjectFault(EmulatorEndpoint.TokenPkce, fault.Create());

        var (location, cookies) = await SignInSteps.CallbackAsync(browser, callback);

        Assert.That(location, Is.EqualTo("/auth/error?reason=unavailable"));
        Assert.That(cookies.SessionWritten, Is.Empty, "no session cookie after a failed exchange");
        Assert.That(cookies.FlowDeleted.Select(c => c.Name.Value), Is.EqualTo(new[] { flowCookie.Name }), "the flow cookie is deleted");
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.False);
        Assert.That(AppCookies.Flows(browser.Cookies), Is.Empty);
        Assert.That(logs.Count("SignInFailed"), Is.EqualTo(1), "one app event names the failure");
        Assert.That(logs.Count(fault.ClientEvent, "exchange"), Is.EqualTo(1), "one client event names the failure");
        Assert.That(_app.Emulator.PendingFaultCount(EmulatorEndpoint.TokenPkce), Is.Zero, "the fault was served");
        using var page = await browser.GetAsync(location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("The sign-in service is unavailable"));
        _secrets.AssertAbsent("the error page", html);
        logs.AssertClean(_secrets);
    }

    [TestCaseSource(typeof(FaultTable), nameof(FaultTable.Cases))]
    public async Task User_Fault_ProfileShowsNote(FaultRow fault)
    {
        using var browser = _app.NewBrowser();
        await SignInSteps.SignInAsync(_app, browser, _secrets);
        var accessToken = AppCookies.ReadSessionTokens(_app, browser.Cookies)["access_token"];
        var logs = new LogWindow(_app);
        _app.Emulator.InjectFault(EmulatorEndpoint.User, fault.Create());

        using var profile = await browser.GetAsync("/profile");

        var html = await profile.Content.ReadAsStringAsync();
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("id=\"supabase-unavailable\""), "the page explains that Supabase did not answer");
        Assert.That(html, Does.Contain("id=\"email\">alice@example.com<"), "the details from the sign-in are shown");
        Assert.That(logs.Count(fault.ClientEvent, "user"), Is.EqualTo(1), "one client event names the failure");
        _secrets.AssertAbsent("the profile page", html);
        await AssertExceptionCleanAsync(EmulatorEndpoint.User, fault, signIn => signIn.GetUserAsync(accessToken));
        logs.AssertClean(_secrets);
    }

    [TestCaseSource(typeof(FaultTable), nameof(FaultTable.Cases))]
    public async Task SignOut_Fault_ClearsCookiesAnyway(FaultRow fault)
    {
        using var browser = _app.NewBrowser();
        await SignInSteps.SignInAsync(_app, browser, _secrets);
        var accessToken = AppCookies.ReadSessionTokens(_app, browser.Cookies)["access_token"];
        await browser.StartLoginAsync("/pending");
        var form = await browser.SignOutFormAsync();
        var logs = new LogWindow(_app);
        _app.Emulator.InjectFault(EmulatorEndpoint.Logout, fault.Create());

        using var response = await browser.PostFormAsync(browser.Resolve("/auth/signout"), form);

        var cookies = new ResponseCookies(response);
        var failures = fault.IsSuccessStatus ? 0 : 1;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/"));
        Assert.That(cookies.SessionDeleted, Is.Not.Empty, "the session cookie is deleted");
        Assert.That(cookies.FlowDeleted, Has.Count.EqualTo(1), "the pending flow cookie is deleted");
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.False);
        Assert.That(AppCookies.Flows(browser.Cookies), Is.Empty);
        Assert.That(logs.Count("SignedOut"), Is.EqualTo(1));
        Assert.That(logs.Count("SignOutRevokeFailed"), Is.EqualTo(failures),
            "one app event names a failure; a 2xx status is a completed sign-out");
        Assert.That(logs.Count(fault.ClientEvent, "sign-out"), Is.EqualTo(failures));
        if (!fault.IsSuccessStatus)
        {
            await AssertExceptionCleanAsync(EmulatorEndpoint.Logout, fault, signIn => signIn.SignOutAsync(accessToken));
        }

        logs.AssertClean(_secrets);
    }

    /// <summary>
    /// Calls ISignInService directly with a real token under the same fault and checks the exception it throws:
    /// a SupabaseAuthException whose text, inner exceptions included, contains no secret.
    /// </summary>
    private async Task AssertExceptionCleanAsync(EmulatorEndpoint endpoint, FaultRow fault, Func<ISignInService, Task> call)
    {
        var signIn = _app.Host.App.Services.GetRequiredService<ISignInService>();
        _app.Emulator.InjectFault(endpoint, fault.Create());

        var exception = await Assert.ThrowsAsync<SupabaseAuthException>(() => call(signIn));

        _secrets.AssertAbsent("the exception", exception!.ToString());
    }
}
