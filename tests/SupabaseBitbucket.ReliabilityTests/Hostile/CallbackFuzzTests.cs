using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;
using SupabaseBitbucket.ReliabilityTests.Support;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Hostile;

/// <summary>
/// Sends thousands of random and mutated requests to <c>/auth/callback</c> and <c>/auth/login</c>: real callback
/// URLs with damaged queries, real flow cookies truncated, bit-flipped or renamed, floods of cookies. The app must
/// respond to every one with a redirect and never log an error.
/// </summary>
public class CallbackFuzzTests
{
    private const int Workers = 4;
    private const int RealFlows = 40;
    private const int MaxPendingFlows = 5;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);

    [Test]
    public async Task FuzzedRequests_AlwaysRedirectWithoutErrors()
    {
        var seed = ReliabilitySettings.FuzzSeed;
        var caseCount = ReliabilitySettings.FuzzCases;
        TestContext.Progress.WriteLine(
            $"Fuzz: seed {seed}, {caseCount} cases; SUPABASE_BITBUCKET_FUZZ_SEED={seed} repeats this run.");
        await using var app = await TestApp.StartAsync(
            emulator => emulator.AutoConsent = "alice",
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft"] = "Warning" });
        var secrets = new SecretLedger();
        secrets.AddKeys(app);
        var flows = await StartRealFlowsAsync(app, secrets);
        var hostile = EscapedLines.Load("open-redirect-next.txt").Select(line => line.Value).ToList();
        var generator = new FuzzCaseGenerator(seed, flows, hostile);
        var judge = new FuzzJudge(app.Emulator.Url.AbsoluteUri + "auth/v1/authorize?provider=bitbucket&", MaxPendingFlows);
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var deadline = new CancellationTokenSource(TimeLimit);
        var next = -1;
        var sent = 0;

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) < caseCount && !deadline.IsCancellationRequested)
            {
                var fuzzCase = generator.Create(number);
                using var response = await SendAsync(client, app.BaseUrl, fuzzCase, deadline.Token);
                Interlocked.Increment(ref sent);
                var (outcome, failure, sessionCookie) = judge.Judge(fuzzCase, response);
                outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
                if (failure is not null)
                {
                    failures.Enqueue($"case {number} ({fuzzCase.Target}: {fuzzCase.Mutations}): {failure}");
                }

                if (sessionCookie is not null)
                {
                    secrets.AddSession(app, sessionCookie);
                }
            }
        })));
        stopwatch.Stop();

        Report(seed, sent, stopwatch.Elapsed, outcomes);
        Assert.That(sent, Is.EqualTo(caseCount), $"every case ran within {TimeLimit.TotalSeconds} s");
        Assert.That(failures, Is.Empty, $"seed {seed}: {failures.Count} cases failed, first: {string.Join("; ", failures.Take(5))}");
        LogRecords.AssertNoErrors(app.Logs, "the app");
        LogRecords.AssertNoErrors(app.EmulatorLogs, "the emulator");
        Assert.That(secrets.CountOf("code"), Is.EqualTo(RealFlows), "the codes of the real flows are known");
        Assert.That(secrets.CountOf("code verifier"), Is.EqualTo(RealFlows), "the verifiers of the real flows are known");
        secrets.AssertAbsent("the app log", app.AllLogText());
        secrets.AssertAbsent("the emulator log", app.EmulatorLogText());
    }

    /// <summary>
    /// Starts real sign-ins up to their callback, which is not opened, and keeps each callback URL and flow cookie
    /// as material for mutation.
    /// </summary>
    private static async Task<List<RealFlow>> StartRealFlowsAsync(TestApp app, SecretLedger secrets)
    {
        var flows = new List<RealFlow>();
        for (var i = 0; i < RealFlows; i++)
        {
            using var browser = app.NewBrowser();
            var authorize = await browser.StartLoginAsync("/profile");
            var cookie = AppCookies.Flows(browser.Cookies).Single();
            var callback = await browser.FollowToAppAsync(authorize);
            secrets.AddFlowCookie(app, cookie.Value);
            secrets.AddCode(callback);
            flows.Add(new RealFlow(callback.PathAndQuery, cookie.Name, cookie.Value));
        }

        return flows;
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, Uri baseUrl, FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        // Canonicalization would repair the invalid escapes and odd characters the case is made of.
        // NOTE: targets and cookies stay printable ASCII over HTTP/1.1, so raw bytes, invalid UTF-8 in the
        // request line and HTTP/2 framing are not fuzzed.
        var url = new Uri(
            baseUrl.GetLeftPart(UriPartial.Authority) + fuzzCase.PathAndQuery,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (fuzzCase.CookieHeader.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", fuzzCase.CookieHeader);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    private static void Report(int seed, int sent, TimeSpan elapsed, ConcurrentDictionary<string, int> outcomes)
    {
        var rate = sent / Math.Max(elapsed.TotalSeconds, 0.001);
        TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fuzz: seed {seed}, {sent} requests in {elapsed.TotalSeconds:0.0} s ({rate:0} requests/s) with {Workers} workers."));
        foreach (var (outcome, count) in outcomes.OrderByDescending(pair => pair.Value))
        {
            TestContext.Progress.WriteLine($"  {count,6}  {outcome}");
        }
    }
}
