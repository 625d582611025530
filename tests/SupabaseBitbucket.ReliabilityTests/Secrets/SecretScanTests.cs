using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Secrets;

/// <summary>
/// Shows that the secret scan every other test ends with can fail: secrets taken from real traffic are found
/// when they do reach a log, and the scan reads both the app's and the emulator's captured logs.
/// </summary>
public class SecretScanTests
{
    private readonly SecretLedger _secrets = new();
    private TestApp _app = null!;
    private IReadOnlyDictionary<string, string> _tokens = null!;
    private string _appLogAfterSignIn = null!;
    private string _emulatorLogAfterSignIn = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.StartAsync(emulator => emulator.AutoConsent = "alice");
        _secrets.AddKeys(_app);
        using var browser = _app.NewBrowser();
        await SignInSteps.SignInAsync(_app, browser, _secrets);
        _tokens = AppCookies.ReadSessionTokens(_app, browser.Cookies);
        _appLogAfterSignIn = _app.AllLogText();
        _emulatorLogAfterSignIn = _app.EmulatorLogText();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase("code")]
    [TestCase("code verifier")]
    [TestCase("access_token")]
    [TestCase("refresh_token")]
    [TestCase("provider_token")]
    [TestCase("publishable key")]
    [TestCase("JWT secret")]
    public void Ledger_AfterSignIn_HasSecretOfKind(string kind)
    {
        Assert.That(_secrets.CountOf(kind), Is.EqualTo(1));
    }

    [Test]
    public void Scan_LogsOfSignIn_FindNothing()
    {
        Assert.That(_appLogAfterSignIn, Does.Contain("SignInCompleted"), "the app log was captured");
        Assert.That(_emulatorLogAfterSignIn, Does.Contain("POST /auth/v1/token"), "the emulator log was captured");
        Assert.That(_secrets.Find(_appLogAfterSignIn), Is.Null);
        Assert.That(_secrets.Find(_emulatorLogAfterSignIn), Is.Null);
    }

    [Test]
    public void Scan_TokenWrittenToAppLog_IsFound()
    {
        var logger = _app.Host.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Leak");

#pragma warning disable CA1848, CA2254 // A deliberate leak through a plain call, to prove the scan finds it.
        logger.LogInformation("leaked " + _tokens["refresh_token"]);
#pragma warning restore CA1848, CA2254

        Assert.That(_secrets.Find(_app.AllLogText())?.Kind, Is.EqualTo("refresh_token"));
    }

    [Test]
    public async Task Scan_KeyInEmulatorRequestPath_IsFound()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(_app.Emulator.Url, "/leak/" + _app.Emulator.PublishableKey));

        Assert.That(_secrets.Find(_app.EmulatorLogText())?.Kind, Is.EqualTo("publishable key"));
    }
}
