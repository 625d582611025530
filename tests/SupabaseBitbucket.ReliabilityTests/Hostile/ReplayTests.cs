using System.Net;
using System.Security.Cryptography;
using System.Web;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Hostile;

/// <summary>
/// Replays the pieces of a sign-in: a code used twice, in turn or at once, and a flow cookie used again after
/// its sign-in completed. Other cases present a code or a flow cookie that belongs to another browser, or a
/// flow cookie protected with another key ring or a revoked key. Each must fail with its own reason and create
/// no session.
/// </summary>
/// <remarks>
/// NOTE: the flow cookie is not single-use on the server, which keeps no state. A stolen flow cookie together
/// with a fresh code for the same PKCE challenge would still sign in within the flow's 10 minutes. These tests
/// show that the single-use code stops every replay of a used callback.
/// </remarks>
public class ReplayTests
{
    private readonly SecretLedger _secrets = new();
    private readonly KeyDirectories _keyDirectories = new();
    private TestEmulator _emulator = null!;
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync(options => options.AutoConsent = "alice");
        _app = await StartInstanceAsync();
        _secrets.AddKeys(_app);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
        _keyDirectories.Dispose();
    }

    [Test]
    public async Task SameCode_InAnotherFlow_IsCodeInvalid()
    {
        using var browser = _app.NewBrowser();
        var (first, _) = await SignInSteps.StartAsync(_app, browser, _secrets);
        Assert.That((await SignInSteps.CallbackAsync(browser, first)).Location, Is.EqualTo("/"));
        using var attacker = _app.NewBrowser();
        var (second, _) = await SignInSteps.StartAsync(_app, attacker, _secrets);
        var code = HttpUtility.ParseQueryString(first.Query)["code"];
        var flow = HttpUtility.ParseQueryString(second.Query)["flow"];
        var logs = new LogWindow(_app);

        var (location, cookies) = await SignInSteps.CallbackAsync(attacker, attacker.Resolve($"/auth/callback?flow={flow}&code={code}"));

        await AssertRejectedAsync(attacker, location, cookies, "code_invalid", logs);
    }

    [Test]
    public async Task SameCode_AtOnce_SignsInOnce([Range(1, 10)] int attempt)
    {
        using var browser = _app.NewBrowser();
        var (callback, flowCookie) = await SignInSteps.StartAsync(_app, browser, _secrets);
        var sessionsBefore = _emulator.Emulator.ActiveSessionIds.Count;
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, callback);
            request.Headers.Add("Cookie", $"{flowCookie.Name}={flowCookie.Value}");
            return client.SendAsync(request);
        }));

        var locations = responses.Select(response => response.Headers.Location!.OriginalString).Order().ToList();
        var sessionsWritten = responses.Count(response => new ResponseCookies(response).SessionWritten.Count > 0);
        Assert.That(locations, Is.EqualTo(new[] { "/", "/auth/error?reason=code_invalid" }), "one request wins the code");
        Assert.That(sessionsWritten, Is.EqualTo(1), "only the winner gets a session cookie");
        Assert.That(_emulator.Emulator.ActiveSessionIds, Has.Count.EqualTo(sessionsBefore + 1), "Supabase made one session");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task FlowCookie_ReplayedAfterSignIn_IsCodeInvalid()
    {
        using var browser = _app.NewBrowser();
        var (callback, flowCookie) = await SignInSteps.StartAsync(_app, browser, _secrets);
        Assert.That((await SignInSteps.CallbackAsync(browser, callback)).Location, Is.EqualTo("/"));
        _secrets.AddSession(_app, browser.Cookies);
        Assert.That(AppCookies.Flows(browser.Cookies), Is.Empty, "the callback deleted the flow cookie");
        using var replayer = _app.NewBrowser();
        replayer.Cookies.Add(new Cookie(flowCookie.Name, flowCookie.Value, flowCookie.Path, flowCookie.Domain));
        var logs = new LogWindow(_app);

        var (location, cookies) = await SignInSteps.CallbackAsync(replayer, callback);

        await AssertRejectedAsync(replayer, location, cookies, "code_invalid", logs);
    }

    [Test]
    public async Task CallbackUrl_InAnotherBrowser_IsFlowMissing()
    {
        using var victim = _app.NewBrowser();
        using var attacker = _app.NewBrowser();
        var (callback, _) = await SignInSteps.StartAsync(_app, victim, _secrets);
        await SignInSteps.StartAsync(_app, attacker, _secrets);
        var logs = new LogWindow(_app);

        var (location, cookies) = await SignInSteps.CallbackAsync(attacker, callback);

        await AssertRejectedAsync(attacker, location, cookies, "flow_missing", logs);
    }

    [Test]
    public async Task FlowCookie_OfAnotherBrowser_IsFlowInvalid()
    {
        using var victim = _app.NewBrowser();
        using var attacker = _app.NewBrowser();
        var (callback, victimCookie) = await SignInSteps.StartAsync(_app, victim, _secrets);
        var (_, attackerCookie) = await SignInSteps.StartAsync(_app, attacker, _secrets);
        attacker.Cookies.Add(new Cookie(victimCookie.Name, attackerCookie.Value, victimCookie.Path, victimCookie.Domain));
        var logs = new LogWindow(_app);

        var (location, cookies) = await SignInSteps.CallbackAsync(attacker, callback);

        // The flow id is inside the protected payload, so a cookie value counts only under its own flow's name.
        await AssertRejectedAsync(attacker, location, cookies, "flow_invalid", logs);
    }

    [Test]
    public async Task Code_OfAnotherBrowser_IsVerifierMismatch()
    {
        using var victim = _app.NewBrowser();
        using var attacker = _app.NewBrowser();
        var (victimCallback, _) = await SignInSteps.StartAsync(_app, victim, _secrets);
        var (attackerCallback, _) = await SignInSteps.StartAsync(_app, attacker, _secrets);
        var code = HttpUtility.ParseQueryString(victimCallback.Query)["code"];
        var flow = HttpUtility.ParseQueryString(attackerCallback.Query)["flow"];
        var logs = new LogWindow(_app);

        var (location, cookies) = await SignInSteps.CallbackAsync(attacker, attacker.Resolve($"/auth/callback?flow={flow}&code={code}"));

        // PKCE: the attacker's verifier does not match the challenge the victim's code was issued for.
        await AssertRejectedAsync(attacker, location, cookies, "verifier_mismatch", logs);
    }

    [Test]
    public async Task FlowCookie_FromOtherKeyRing_IsFlowInvalid()
    {
        await using var other = await StartInstanceAsync();
        using var browser = _app.NewBrowser();
        var (callback, _) = await SignInSteps.StartAsync(_app, browser, _secrets);
        var logs = new LogWindow(other);

        var (location, cookies) = await SignInSteps.CallbackAsync(browser, SignInSteps.OnInstance(callback, other));

        await AssertRejectedAsync(browser, location, cookies, "flow_invalid", logs);
    }

    [Test]
    public async Task FlowCookie_KeyRevoked_IsFlowInvalid()
    {
        await using var app = await StartInstanceAsync();
        using var browser = app.NewBrowser();
        var (callback, flowCookie) = await SignInSteps.StartAsync(app, browser, _secrets);
        using var signedIn = app.NewBrowser();
        await SignInSteps.SignInAsync(app, signedIn, _secrets);
        var logs = new LogWindow(app);

        app.Host.App.Services.GetRequiredService<IKeyManager>().RevokeAllKeys(DateTimeOffset.UtcNow, "test: a leaked key ring");
        await WaitUntilUnreadableAsync(app, flowCookie.Value);
        var (location, cookies) = await SignInSteps.CallbackAsync(browser, callback);
        using var profile = await signedIn.GetAsync("/profile");

        await AssertRejectedAsync(browser, location, cookies, "flow_invalid", logs);
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.Found), "a session cookie under a revoked key is not accepted");
        Assert.That(profile.Headers.Location!.AbsolutePath, Is.EqualTo("/auth/login"));
    }

    /// <summary>
    /// Checks one rejected callback: the error page with <paramref name="reason"/>, no session cookie, the flow
    /// cookie gone, one SignInFailed event, no error logged, and no secret in the logs or on the error page.
    /// </summary>
    private async Task AssertRejectedAsync(
        TestBrowser browser, string location, ResponseCookies cookies, string reason, LogWindow logs)
    {
        Assert.That(location, Is.EqualTo("/auth/error?reason=" + reason));
        Assert.That(cookies.SessionWritten, Is.Empty, "no session cookie is written");
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.False, "the browser has no session");
        Assert.That(cookies.FlowDeleted, Has.Count.EqualTo(1), "the callback deletes the cookie of its flow");
        Assert.That(logs.Count("SignInFailed"), Is.EqualTo(1), "one event names the failure");
        Assert.That(logs.AppText(), Does.Contain("reason " + reason));

        using var page = await browser.GetAsync(location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _secrets.AssertAbsent("the error page", html);
        logs.AssertClean(_secrets);
    }

    /// <summary>
    /// Waits until the app's key ring drops a revoked key. Data Protection reloads the key ring in the background
    /// after a revocation, so for a moment (about 50 ms here) the old key still decrypts.
    /// </summary>
    private static async Task WaitUntilUnreadableAsync(TestApp app, string protectedFlowCookie)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                AppCookies.ReadFlow(app, protectedFlowCookie);
            }
            catch (CryptographicException)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The flow cookie still decrypts 5 s after its key was revoked.");
    }

    /// <summary>Starts an instance of the sample with a key ring of its own in a new directory.</summary>
    private Task<TestApp> StartInstanceAsync() => TestApp.StartAsync(
        settings: KeyDirectories.InstanceSettings(_keyDirectories.Create()), sharedEmulator: _emulator);
}
