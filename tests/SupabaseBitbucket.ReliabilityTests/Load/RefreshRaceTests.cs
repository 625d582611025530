using System.Net;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Load;

/// <summary>
/// Sends many requests with one session cookie at the moment it needs a refresh, to one instance and to two
/// instances that share a key ring. Supabase rotates refresh tokens, so a race that spends the token twice
/// would sign the user out at the next refresh. The session must survive it.
/// </summary>
public class RefreshRaceTests
{
    private const int ParallelRequests = 16;
    private static readonly TimeSpan NearExpiry = TimeSpan.FromMinutes(59.5);

    private readonly SecretLedger _secrets = new();
    private readonly KeyDirectories _keyDirectories = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestEmulator _emulator = null!;
    private TestApp _first = null!;
    private TestApp _second = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync(options => options.AutoConsent = "alice", _time);
        var keys = _keyDirectories.Create();
        _first = await TestApp.StartAsync(settings: KeyDirectories.InstanceSettings(keys), time: _time, sharedEmulator: _emulator);
        _second = await TestApp.StartAsync(settings: KeyDirectories.InstanceSettings(keys), time: _time, sharedEmulator: _emulator);
        _secrets.AddKeys(_first);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _emulator.DisposeAsync();
        _keyDirectories.Dispose();
    }

    [Test]
    public async Task ParallelRequests_OneInstance_ShareOneRefresh()
    {
        using var browser = _first.NewBrowser();
        await SignInSteps.SignInAsync(_first, browser, _secrets);
        _time.Advance(NearExpiry);
        var logs = new LogWindow(_first);
        var refreshesBefore = RefreshCalls();

        // The refresh is held back long enough for every request to arrive while it is still running.
        _emulator.Emulator.InjectFault(EmulatorEndpoint.TokenRefresh, EmulatorFault.Delay(TimeSpan.FromMilliseconds(500)));
        var cookieHeaders = await SendAtOnceAsync(browser, [_first]);

        Assert.That(RefreshCalls() - refreshesBefore, Is.EqualTo(1), "the instance shares one refresh among the requests");
        Assert.That(logs.Count("SessionRefreshed"), Is.EqualTo(ParallelRequests), "every request got the refreshed session");
        Assert.That(cookieHeaders.Select(ReadRefreshToken).Distinct().Count(), Is.EqualTo(1));
        await AssertEachCookieRefreshesAgainAsync(cookieHeaders);
        logs.AssertClean(_secrets);
    }

    [Test]
    public async Task ParallelRequests_TwoInstances_KeepOneRefreshToken()
    {
        using var browser = _first.NewBrowser();
        await SignInSteps.SignInAsync(_first, browser, _secrets);
        _time.Advance(NearExpiry);
        var firstLogs = new LogWindow(_first);
        var secondLogs = new LogWindow(_second);

        var cookieHeaders = await SendAtOnceAsync(browser, [_first, _second]);

        Assert.That(firstLogs.Count("RefreshRejected") + secondLogs.Count("RefreshRejected"), Is.Zero);
        Assert.That(cookieHeaders.Select(ReadRefreshToken).Distinct().Count(), Is.EqualTo(1),
            "Supabase returns the current token to the instance that comes second, so both store the same one");
        await AssertEachCookieRefreshesAgainAsync(cookieHeaders);
        firstLogs.AssertClean(_secrets);
        secondLogs.AssertClean(_secrets);
    }

    /// <summary>
    /// Sends <see cref="ParallelRequests"/> profile requests at once with the browser's cookies, spread over the
    /// instances, and returns the session cookie each response stores.
    /// </summary>
    private async Task<List<string>> SendAtOnceAsync(TestBrowser browser, TestApp[] instances)
    {
        var cookieHeader = browser.Cookies.GetCookieHeader(_first.BaseUrl);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var responses = await Task.WhenAll(Enumerable.Range(0, ParallelRequests).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instances[i % instances.Length].BaseUrl, "/profile"));
            request.Headers.Add("Cookie", cookieHeader);
            return await client.SendAsync(request);
        }));

        var cookieHeaders = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the user stays signed in");
                var session = new ResponseCookies(response).SessionCookieHeader();
                Assert.That(session, Is.Not.Null, "each response stores the refreshed session");
                _secrets.AddSession(_first, session!);
                cookieHeaders.Add(session!);
            }
        }

        return cookieHeaders;
    }

    /// <summary>
    /// Moves the clock to the next refresh and checks that the browser still signs in with whichever of the
    /// stored cookies it kept: none of their refresh tokens was spent twice.
    /// </summary>
    private async Task AssertEachCookieRefreshesAgainAsync(List<string> cookieHeaders)
    {
        _time.Advance(NearExpiry);
        var logs = new LogWindow(_first);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        foreach (var cookieHeader in cookieHeaders.Distinct())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_first.BaseUrl, "/profile"));
            request.Headers.Add("Cookie", cookieHeader);
            using var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the next refresh succeeds");
        }

        Assert.That(logs.Count("RefreshRejected"), Is.Zero);
    }

    private string ReadRefreshToken(string cookieHeader) => AppCookies.ReadSessionTokens(_first, cookieHeader)["refresh_token"];

    /// <summary>Counts the token requests, exchanges and refreshes alike, that the emulator has served.</summary>
    private int RefreshCalls() => LogRecords.Since(_emulator.Logs, 0)
        .Count(record => record.Id.Name == "RequestCompleted" && record.Message.Contains("POST /auth/v1/token", StringComparison.Ordinal));
}
