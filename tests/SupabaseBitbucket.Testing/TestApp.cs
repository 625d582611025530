using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.Sample.Web;

namespace SupabaseBitbucket.Testing;

/// <summary>
/// The sample web app on a random 127.0.0.1 port, signed in against an emulator of its own or a shared one,
/// with the logs of both captured.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly TestEmulator _testEmulator;
    private readonly bool _ownsEmulator;

    private TestApp(TestEmulator emulator, bool ownsEmulator, SampleHost host, FakeTimeProvider? time)
    {
        _testEmulator = emulator;
        _ownsEmulator = ownsEmulator;
        Host = host;
        Time = time;
        BaseUrl = new Uri(host.Addresses.First());
        Logs = host.App.Services.GetService<FakeLogCollector>() ?? new FakeLogCollector();
    }

    public SupabaseAuthEmulator Emulator => _testEmulator.Emulator;

    /// <summary>The log of the emulator, shared with every app that shares the emulator.</summary>
    public FakeLogCollector EmulatorLogs => _testEmulator.Logs;

    public SampleHost Host { get; }

    public FakeTimeProvider? Time { get; }

    public Uri BaseUrl { get; }

    /// <summary>
    /// The log of the app, at Debug level unless <c>Logging:LogLevel:*</c> settings raise it, and empty when the app
    /// was started without capturing logs.
    /// </summary>
    public FakeLogCollector Logs { get; }

    /// <summary>
    /// Starts the sample. Without <paramref name="sharedEmulator"/> it starts an emulator of its own, set up by
    /// <paramref name="configureEmulator"/> and stopped with the app. <paramref name="settings"/> are
    /// configuration keys of the app, such as <c>Supabase:HttpTimeout</c>. With <paramref name="captureLogs"/> false,
    /// the app and an emulator it starts have no logging provider, so <see cref="Logs"/> and
    /// <see cref="EmulatorLogs"/> stay empty and a long run keeps no log records in memory.
    /// </summary>
    public static async Task<TestApp> StartAsync(
        Action<SupabaseAuthEmulatorOptions>? configureEmulator = null,
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        TestEmulator? sharedEmulator = null,
        bool captureLogs = true)
    {
        var testEmulator = sharedEmulator ?? await TestEmulator.StartAsync(configureEmulator, time, captureLogs);
        var emulator = testEmulator.Emulator;
        var host = await SampleApplication.CreateAsync(
            ["--urls", "http://127.0.0.1:0", "--environment", "Production"],
            builder =>
            {
                builder.Configuration["Supabase:Url"] = emulator.Url.AbsoluteUri;
                builder.Configuration["Supabase:PublishableKey"] = emulator.PublishableKey;
                builder.Configuration["Bitbucket:ApiUrl"] = emulator.BitbucketApiUrl.AbsoluteUri;
                builder.Configuration["Logging:LogLevel:Default"] = "Debug";
                builder.Configuration["Logging:LogLevel:SupabaseBitbucket"] = "Debug";
                foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                {
                    builder.Configuration[key] = value;
                }

                builder.Logging.ClearProviders();
                if (captureLogs)
                {
                    builder.Logging.SetMinimumLevel(LogLevel.Debug);
                    builder.Logging.AddFakeLogging();
                }

                if (time is not null)
                {
                    builder.Services.AddSingleton<TimeProvider>(time);
                }
            });
        await host.StartAsync();
        return new TestApp(testEmulator, sharedEmulator is null, host, time);
    }

    public TestBrowser NewBrowser() => new(BaseUrl);

    /// <summary>Returns every captured log line of the app, each with its exception, for scanning.</summary>
    public string AllLogText() => FormatLog(Logs);

    /// <summary>Returns every captured log line of the emulator, each with its exception, for scanning.</summary>
    public string EmulatorLogText() => _testEmulator.LogText();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsEmulator)
        {
            await _testEmulator.DisposeAsync();
        }
    }

    internal static string FormatLog(FakeLogCollector logs) => string.Join(
        "\n",
        logs.GetSnapshot().Select(record => $"{record.Level} {record.Id.Name}: {record.Message} {record.Exception}"));
}
