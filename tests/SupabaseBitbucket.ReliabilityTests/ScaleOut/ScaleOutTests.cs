using System.Net;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.ScaleOut;

/// <summary>
/// Runs two instances of the sample against one emulator with one Data Protection key ring in a shared
/// directory (<c>DataProtection:KeysPath</c>), and a third with a key ring of its own. A browser's cookies for
/// 127.0.0.1 go to every port, as they would go to every instance behind one host name.
/// </summary>
public class ScaleOutTests
{
    private readonly SecretLedger _secrets = new();
    private readonly KeyDirectories _keyDirectories = new();
    private TestEmulator _emulator = null!;
    private TestApp _first = null!;
    private TestApp _second = null!;
    private TestApp _stranger = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync(options => options.AutoConsent = "alice");
        var shared = _keyDirectories.Create();
        _first = await StartInstanceAsync(shared);
        _second = await StartInstanceAsync(shared);
        _stranger = await StartInstanceAsync(_keyDirectories.Create());
        _secrets.AddKeys(_first);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _stranger.DisposeAsync();
        await _emulator.DisposeAsync();
        _keyDirectories.Dispose();
    }

    [Test]
    public async Task Login_OnFirst_CompletesOnSecond()
    {
        using var browser = _first.NewBrowser();
        var (callback, _) = await SignInSteps.StartAsync(_first, browser, _secrets);

        var (location, cookies) = await SignInSteps.CallbackAsync(browser, SignInSteps.OnInstance(callback, _second));

        Assert.That(location, Is.EqualTo("/"));
        Assert.That(cookies.SessionWritten, Is.Not.Empty);
        Assert.That(cookies.FlowDeleted, Has.Count.EqualTo(1), "the second instance read and deleted the first's flow cookie");
        _secrets.AddSession(_second, browser.Cookies);
        await AssertProfileAsync(_second, browser);
        await AssertProfileAsync(_first, browser);
        AssertLogsClean();
    }

    [Test]
    public async Task Session_FromFirst_WorksOnSecondUntilSignOut()
    {
        using var browser = _first.NewBrowser();
        await SignInSteps.SignInAsync(_first, browser, _secrets);
        var form = await browser.SignOutFormAsync();

        await AssertProfileAsync(_second, browser);
        using var signOut = await browser.PostFormAsync(new Uri(_second.BaseUrl, "/auth/signout"), form);

        Assert.That(signOut.Headers.Location!.OriginalString, Is.EqualTo("/"), "the second instance accepts the first's antiforgery token");
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.False);
        using var profile = await browser.GetAsync(new Uri(_first.BaseUrl, "/profile"));
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.Found), "signed out on both instances");
        AssertLogsClean();
    }

    [Test]
    public async Task Login_OnOtherKeyRing_IsFlowInvalid()
    {
        using var browser = _first.NewBrowser();
        var (callback, _) = await SignInSteps.StartAsync(_first, browser, _secrets);
        var logStart = _stranger.Logs.Count;

        var (location, cookies) = await SignInSteps.CallbackAsync(browser, SignInSteps.OnInstance(callback, _stranger));

        Assert.That(location, Is.EqualTo("/auth/error?reason=flow_invalid"));
        Assert.That(cookies.SessionWritten, Is.Empty);
        Assert.That(LogRecords.Count(_stranger.Logs, "SignInFailed", logStart), Is.EqualTo(1));
        Assert.That(LogRecords.Count(_stranger.Logs, "SignInFailedUnexpectedly", logStart), Is.Zero);
        AssertLogsClean();
    }

    [Test]
    public async Task Session_OnOtherKeyRing_IsAnonymous()
    {
        using var browser = _first.NewBrowser();
        await SignInSteps.SignInAsync(_first, browser, _secrets);

        using var profile = await browser.GetAsync(new Uri(_stranger.BaseUrl, "/profile"));
        using var home = await browser.GetAsync(new Uri(_stranger.BaseUrl, "/"));

        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(profile.Headers.Location!.AbsolutePath, Is.EqualTo("/auth/login"), "the stranger asks to sign in");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await home.Content.ReadAsStringAsync(), Does.Contain("Sign in with Bitbucket"));
        AssertLogsClean();
    }

    private static async Task AssertProfileAsync(TestApp instance, TestBrowser browser)
    {
        using var profile = await browser.GetAsync(new Uri(instance.BaseUrl, "/profile"));
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"the instance on port {instance.BaseUrl.Port} accepts the session");
        Assert.That(await profile.Content.ReadAsStringAsync(), Does.Contain("id=\"email\">alice@example.com<"));
    }

    private void AssertLogsClean()
    {
        foreach (var instance in new[] { _first, _second, _stranger })
        {
            LogRecords.AssertNoErrors(instance.Logs, $"the instance on port {instance.BaseUrl.Port}");
            _secrets.AssertAbsent($"the log of the instance on port {instance.BaseUrl.Port}", instance.AllLogText());
        }

        LogRecords.AssertNoErrors(_emulator.Logs, "the emulator");
        _secrets.AssertAbsent("the emulator log", _emulator.LogText());
    }

    private Task<TestApp> StartInstanceAsync(string keysPath) =>
        TestApp.StartAsync(settings: KeyDirectories.InstanceSettings(keysPath), sharedEmulator: _emulator);
}
