using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Load;

/// <summary>
/// Runs many complete sign-ins at once through the sample against the emulator: login, consent with an account
/// of its own, callback, profile and sign-out. Every one must succeed and show its own account.
/// </summary>
/// <remarks>
/// SUPABASE_BITBUCKET_LOAD_SIGNINS sets how many (200 by default) and SUPABASE_BITBUCKET_LOAD_CONCURRENCY how many
/// at once (32). The test prints throughput and latency but never asserts on time, which depends on the machine.
/// </remarks>
public partial class SignInLoadTests
{
    private const int AccountCount = 64;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(10);

    [Test]
    public async Task ConcurrentSignIns_AllSucceedWithOwnAccount()
    {
        var total = ReliabilitySettings.LoadSignIns;
        var concurrency = ReliabilitySettings.LoadConcurrency;
        var accounts = Enumerable.Range(0, AccountCount)
            .Select(i => new EmulatorAccount($"load-{i:D2}", $"Load User {i:D2}")
            {
                Emails = [new EmulatorEmail($"load-{i:D2}@example.com", isPrimary: true)],
            })
            .ToList();
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:SupabaseBitbucket"] = "Information",
        });
        accounts.ForEach(app.Emulator.AddAccount);
        var secrets = new SecretLedger();
        secrets.AddKeys(app);
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentQueue<string>();
        var userIds = new ConcurrentDictionary<string, ConcurrentDictionary<string, byte>>(StringComparer.Ordinal);
        using var deadline = new CancellationTokenSource(TimeLimit);
        var next = -1;

        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < total && !deadline.IsCancellationRequested)
            {
                var account = accounts[index % AccountCount];
                var watch = Stopwatch.StartNew();
                try
                {
                    var userId = await SignInOnceAsync(app, account, secrets);
                    userIds.GetOrAdd(account.Username, _ => new()).TryAdd(userId, 0);
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                }
                catch (Exception exception) when (exception is AssertionException or HttpRequestException
                    or InvalidOperationException or TaskCanceledException)
                {
                    failures.Enqueue($"sign-in {index} as {account.Username}: {exception.Message}");
                }
            }
        })));
        wall.Stop();

        Report(total, concurrency, wall.Elapsed, latencies);
        Assert.That(failures, Is.Empty, $"{failures.Count} sign-ins failed, first: {string.Join("; ", failures.Take(3))}");
        Assert.That(latencies, Has.Count.EqualTo(total), $"every sign-in ran within {TimeLimit.TotalMinutes} minutes");
        Assert.That(userIds.Values.All(ids => ids.Count == 1), Is.True, "each account always signs in as the same Supabase user");
        Assert.That(userIds.Values.SelectMany(ids => ids.Keys).Distinct().Count(), Is.EqualTo(Math.Min(total, AccountCount)),
            "no two accounts share a Supabase user");
        Assert.That(LogRecords.Count(app.Logs, "SignInCompleted"), Is.EqualTo(total));
        Assert.That(LogRecords.Count(app.Logs, "SignedOut"), Is.EqualTo(total));
        Assert.That(LogRecords.Count(app.Logs, "SignOutRevokeFailed"), Is.Zero);
        Assert.That(app.Emulator.ActiveSessionIds, Is.Empty, "every sign-out ended its Supabase session");
        LogRecords.AssertNoErrors(app.Logs, "the app");
        LogRecords.AssertNoErrors(app.EmulatorLogs, "the emulator");
        Assert.That(secrets.CountOf("code"), Is.EqualTo(total));
        Assert.That(secrets.CountOf("access_token"), Is.EqualTo(total));
        secrets.AssertAbsent("the app log", app.AllLogText());
        secrets.AssertAbsent("the emulator log", app.EmulatorLogText());
    }

    /// <summary>Runs one sign-in as <paramref name="account"/> and returns the Supabase user id its profile shows.</summary>
    private static async Task<string> SignInOnceAsync(TestApp app, EmulatorAccount account, SecretLedger secrets)
    {
        using var browser = app.NewBrowser();
        var authorize = await browser.StartLoginAsync("/profile");
        secrets.AddFlowCookie(app, AppCookies.Flows(browser.Cookies).Single().Value);
        var consent = await browser.OpenConsentAsync(authorize);
        var callback = await browser.SubmitConsentAsync(consent, "Grant access", account.Username);
        secrets.AddCode(callback);
        Assert.That(await browser.RedirectOfAsync(callback), Is.EqualTo("/profile"));
        secrets.AddSession(app, browser.Cookies);

        using var profile = await browser.GetAsync("/profile");
        var html = await profile.Content.ReadAsStringAsync();
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Field(html, "email"), Is.EqualTo(account.Emails[0].Email), "the profile shows this account's email");
        Assert.That(Field(html, "bitbucket-uuid"), Is.EqualTo(account.Uuid), "the Bitbucket API returns this account");
        Assert.That(Field(html, "supabase-role"), Is.EqualTo("authenticated"), "Supabase returned the user");

        var signOut = HtmlForm.Parse(html).Fields;
        using var signedOut = await browser.PostFormAsync(browser.Resolve("/auth/signout"), signOut);
        Assert.That(signedOut.Headers.Location?.OriginalString, Is.EqualTo("/"));
        Assert.That(AppCookies.HasSession(browser.Cookies), Is.False, "sign-out clears the session cookie");
        return Field(html, "user-id");
    }

    private static string Field(string html, string id)
    {
        var match = FieldPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == id);
        Assert.That(match, Is.Not.Null, $"the page has an element with id {id}");
        return WebUtility.HtmlDecode(match!.Groups["value"].Value);
    }

    private static void Report(int total, int concurrency, TimeSpan wall, ConcurrentBag<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Load: {sorted.Length} of {total} sign-ins, {concurrency} at once, in {wall.TotalSeconds:0.0} s: "
            + $"{sorted.Length / wall.TotalSeconds:0.0} sign-ins/s; latency per sign-in p50 {Percentile(sorted, 0.50):0} ms, "
            + $"p99 {Percentile(sorted, 0.99):0} ms, max {(sorted.Length == 0 ? 0 : sorted[^1]):0} ms; "
            + $"{Environment.ProcessorCount} cores.");
        TestContext.Progress.WriteLine(line);
    }

    /// <summary>Returns the nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    [GeneratedRegex("<dd id=\"(?<id>[a-z-]+)\">(?<value>[^<]*)</dd>")]
    private static partial Regex FieldPattern();
}
