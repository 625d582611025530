using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Faults;

/// <summary>
/// Fails the refresh of a session near expiry in every way of <see cref="FaultTable"/>, with one fake clock shared
/// by the app and the emulator. The user stays signed in while the access token is valid, and is signed out
/// only when Supabase rejects the refresh token.
/// </summary>
public class RefreshFaultTests
{
    // The emulator's access tokens live 60 minutes and the app refreshes within the last minute.
    private static readonly TimeSpan NearExpiry = TimeSpan.FromMinutes(59.5);

    private readonly SecretLedger _secrets = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestApp _app = null!;

    public static IEnumerable<TestCaseData> Rejections()
    {
        yield return new TestCaseData(400, "refresh_token_already_used").SetArgDisplayNames("400 already used");
        yield return new TestCaseData(400, "refresh_token_not_found").SetArgDisplayNames("400 not found");
        yield return new TestCaseData(400, "session_expired").SetArgDisplayNames("400 session expired");
        yield return new TestCaseData(403, "session_not_found").SetArgDisplayNames("403 session not found");
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.StartAsync(emulator => emulator.AutoConsent = "alice", FaultTable.AppSettings(), _time);
        _secrets.AddKeys(_app);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TearDown]
    public void ClearFaults() => _app.Emulator.ClearFaults();

    [TestCaseSource(typeof(FaultTable), nameof(FaultTable.Cases))]
    public async Task Refresh_Fault_KeepsUserSignedIn(FaultRow fault)
    {
        using var browser = await SignedInNearExpiryAsync();
        var logs = new LogWindow(_app);
        var refreshToken = AppCookies.ReadSessionTokens(_app, browser.Cookies)["refresh_token"];
        _app.Emulator.InjectFault(EmulatorEndpoint.TokenRefresh, fault.Create());

        using var profile = await ClockPump.RunAsync(_time, () => browser.GetAsync("/profile"));
        var cookies = new ResponseCookies(profile);
        using var retry = await browser.GetAsync("/profile");

        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the access token is still valid");
        Assert.That(await profile.Content.ReadAsStringAsync(), Does.Contain("id=\"email\">alice@example.com<"));
        Assert.That(cookies.SessionDeleted, Is.Empty, "the session cookie stays for a later refresh");
        Assert.That(logs.Count("RefreshUnavailable"), Is.EqualTo(1), "one app event names the failure");
        Assert.That(logs.Count("RefreshRejected"), Is.Zero);
        Assert.That(logs.Count(fault.ClientEvent, "refresh"), Is.EqualTo(1), "one client event names the failure");
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the next request refreshes once Supabase is back");
        Assert.That(new ResponseCookies(retry).SessionWritten, Is.Not.Empty, "the refreshed session is stored");
        Assert.That(logs.Count("SessionRefreshed"), Is.EqualTo(1));
        await AssertExceptionCleanAsync(fault, refreshToken);
        logs.AssertClean(_secrets);
    }

    [TestCaseSource(nameof(Rejections))]
    public async Task Refresh_Rejected_SignsUserOut(int statusCode, string errorCode)
    {
        using var browser = await SignedInNearExpiryAsync();
        var logs = new LogWindow(_app);
        _app.Emulator.InjectFault(EmulatorEndpoint.TokenRefresh, EmulatorFault.Status(statusCode, errorCode, "Rejected by the test"));

        using var profile = await browser.GetAsync("/profile");

        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(profile.Headers.Location!.AbsolutePath, Is.EqualTo("/auth/login"), "the user is asked to sign in again");
        Assert.That(new ResponseCookies(profile).SessionDeleted, Is.Not.Empty, "the session cookie is deleted");
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.False);
        Assert.That(logs.Count("RefreshRejected"), Is.EqualTo(1), "one app event names the rejection");
        Assert.That(logs.Count("RefreshUnavailable"), Is.Zero);
        logs.AssertClean(_secrets);
    }

    [Test]
    public async Task Refresh_FaultAfterExpiry_AsksToSignInButKeepsCookie()
    {
        using var browser = await SignedInNearExpiryAsync();
        var logs = new LogWindow(_app);
        _time.Advance(TimeSpan.FromMinutes(1));
        _app.Emulator.InjectFault(EmulatorEndpoint.TokenRefresh, EmulatorFault.Html(502));

        using var profile = await browser.GetAsync("/profile");

        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.Found), "an expired access token is not trusted");
        Assert.That(new ResponseCookies(profile).SessionDeleted, Is.Empty, "the cookie stays for a later refresh");
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.True);
        Assert.That(logs.Count("RefreshUnavailable"), Is.EqualTo(1));
        logs.AssertClean(_secrets);
    }

    /// <summary>Signs in, then moves the shared clock to 30 seconds before the access token expires.</summary>
    private async Task<TestBrowser> SignedInNearExpiryAsync()
    {
        var browser = _app.NewBrowser();
        await SignInSteps.SignInAsync(_app, browser, _secrets);
        _time.Advance(NearExpiry);
        return browser;
    }

    /// <summary>Refreshes with a real token under the same fault and scans the exception for secrets.</summary>
    private async Task AssertExceptionCleanAsync(FaultRow fault, string refreshToken)
    {
        var signIn = _app.Host.App.Services.GetRequiredService<ISignInService>();
        _app.Emulator.InjectFault(EmulatorEndpoint.TokenRefresh, fault.Create());

        var exception = await Assert.ThrowsAsync<SupabaseAuthException>(
            () => ClockPump.RunAsync(_time, () => signIn.RefreshSessionAsync(refreshToken)));

        _secrets.AssertAbsent("the exception", exception!.ToString());
    }
}
