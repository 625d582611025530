using System.Net;
using System.Text;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Hostile;

/// <summary>
/// Runs every value of Data/open-redirect-next.txt through a real sign-in (login with <c>next</c>, consent,
/// callback) and checks where the browser ends: always on a path of the app. The values of Data/safe-next.txt
/// must come back unchanged, so the check cannot pass by always sending users home.
/// </summary>
public class OpenRedirectTests
{
    private static readonly IReadOnlyList<DataLine> HostileValues = EscapedLines.Load("open-redirect-next.txt");
    private static readonly IReadOnlyList<DataLine> SafeValues = EscapedLines.Load("safe-next.txt");

    private readonly SecretLedger _secrets = new();
    private TestApp _app = null!;
    private ChromiumUrls? _chromium;
    private readonly System.Collections.Concurrent.ConcurrentQueue<DataLine> _keptHostile = new();
    private int _homeHostile;

    public static IEnumerable<TestCaseData> HostileCases() =>
        HostileValues.Select(line => new TestCaseData(line).SetArgDisplayNames($"line {line.LineNumber}"));

    public static IEnumerable<TestCaseData> SafeCases() =>
        SafeValues.Select(line => new TestCaseData(line).SetArgDisplayNames($"line {line.LineNumber}"));

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.StartAsync(
            emulator => emulator.AutoConsent = "alice",
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft"] = "Warning" });
        _secrets.AddKeys(_app);
        _chromium = await ChromiumUrls.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        TestContext.Progress.WriteLine(
            $"Open redirects: {HostileValues.Count} hostile values, {_homeHostile} sent home, {_keptHostile.Count} kept "
            + $"as app paths; {SafeValues.Count} safe values.");
        foreach (var kept in _keptHostile.OrderBy(line => line.LineNumber))
        {
            TestContext.Progress.WriteLine($"  kept: {kept}");
        }

        if (_chromium is null)
        {
            TestContext.Progress.WriteLine("  Chromium is not installed, so targets were resolved by .NET only.");
        }
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [Test]
    public void DataFiles_HaveEnoughValues()
    {
        Assert.That(HostileValues, Has.Count.GreaterThanOrEqualTo(150));
        Assert.That(HostileValues.Select(line => line.Value).Distinct().Count(), Is.EqualTo(HostileValues.Count),
            "every hostile value is different");
    }

    [TestCaseSource(nameof(HostileCases))]
    public async Task HostileNext_LandsOnAppPath(DataLine next)
    {
        var location = await SignInAsync(next.Value);

        await AssertOnAppAsync(location, next);
        // NOTE: LocalRedirect checks a value as sent and decoded once and twice. A value encoded three times,
        // such as /%25252F%25252Fevil.example, is kept as a path, which a proxy decoding it thrice would misread.
        var kept = IsKept(location, next.Value);
        Assert.That(location == "/" || kept, Is.True, $"{next}: landed on {location}, neither home nor the value");
        if (kept)
        {
            _keptHostile.Enqueue(next);
        }
        else
        {
            Interlocked.Increment(ref _homeHostile);
        }
    }

    [TestCaseSource(nameof(SafeCases))]
    public async Task SafeNext_IsKept(DataLine next)
    {
        var location = await SignInAsync(next.Value);

        await AssertOnAppAsync(location, next);
        Assert.That(IsKept(location, next.Value), Is.True, $"{next} is kept, but the app redirected to {location}");
        if (_chromium is not null)
        {
            var landing = await _chromium.ResolveAsync(location, _app.BaseUrl);
            var requested = await _chromium.ResolveAsync(next.Value, _app.BaseUrl);
            Assert.That(landing, Is.EqualTo(requested), $"{next}: the browser opens the path that was asked for");
        }
    }

    /// <summary>
    /// Signs in with <paramref name="next"/>, collects the secrets of the flow, scans the logs of this sign-in for
    /// them, and returns the raw <c>Location</c> header of the callback response.
    /// </summary>
    private async Task<string> SignInAsync(string next)
    {
        var logs = new LogWindow(_app);
        using var browser = _app.NewBrowser();

        var authorize = await browser.StartLoginAsync(next);
        _secrets.AddFlowCookie(_app, AppCookies.Flows(browser.Cookies).Single().Value);
        var callback = await browser.FollowToAppAsync(authorize);
        _secrets.AddCode(callback);
        using var response = await browser.GetAsync(callback);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the callback redirects");
        Assert.That(response.Headers.NonValidated.TryGetValues("Location", out var locations), Is.True);
        var location = locations.Single();
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.True, "the sign-in itself succeeds");
        _secrets.AddSession(_app, browser.Cookies);

        using var landing = await browser.GetAsync(new Uri(_app.BaseUrl, location));
        Assert.That((int)landing.StatusCode, Is.LessThan(500), "the landing page opens");
        logs.AssertClean(_secrets);
        return location;
    }

    /// <summary>
    /// Checks that a browser stays on the app's origin: an origin-relative path of printable ASCII, resolved to
    /// the app's host by .NET and, where it is installed, by Chromium.
    /// </summary>
    private async Task AssertOnAppAsync(string location, DataLine next)
    {
        Assert.That(location, Does.StartWith("/"), $"{next}: the target is a path");
        Assert.That(location.Length > 1 && location[1] is '/' or '\\', Is.False, $"{next}: no second slash names a host");
        Assert.That(location.All(c => c is > ' ' and < '\u007f' and not '\\'), Is.True,
            $"{next}: no character a browser strips or turns into a slash");
        Assert.That(new Uri(_app.BaseUrl, location).Authority, Is.EqualTo(_app.BaseUrl.Authority), $"{next}: .NET resolves it to the app");
        if (_chromium is not null)
        {
            var resolved = await _chromium.ResolveAsync(location, _app.BaseUrl);
            Assert.That(resolved, Is.Not.Null, $"{next}: Chromium parses the target");
            Assert.That(new Uri(resolved!).Authority, Is.EqualTo(_app.BaseUrl.Authority), $"{next}: Chromium resolves it to the app");
        }
    }

    /// <summary>
    /// Returns whether <paramref name="location"/> is <paramref name="value"/> kept: the same text, or for a value
    /// with characters beyond ASCII, an ASCII form that percent-decodes back to it.
    /// </summary>
    private static bool IsKept(string location, string value) =>
        location == value
        || (!Ascii.IsValid(value) && Ascii.IsValid(location) && Uri.UnescapeDataString(location) == value);
}
