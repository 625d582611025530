using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.Sample.Web;

namespace SupabaseBitbucket.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The sample web app on a random 127.0.0.1 port, signed in against an emulator of its own, with the app's log
/// captured.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(SupabaseAuthEmulator emulator, SampleHost host, FakeTimeProvider? time)
    {
        Emulator = emulator;
        Host = host;
        Time = time;
        BaseUrl = new Uri(host.Addresses.First());
        Logs = host.App.Services.GetRequiredService<FakeLogCollector>();
    }

    public SupabaseAuthEmulator Emulator { get; }

    public SampleHost Host { get; }

    public FakeTimeProvider? Time { get; }

    public Uri BaseUrl { get; }

    public FakeLogCollector Logs { get; }

    public static async Task<TestApp> StartAsync(
        Action<SupabaseAuthEmulatorOptions>? configureEmulator = null,
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        SupabaseAuthEmulator? sharedEmulator = null)
    {
        var emulatorOptions = new SupabaseAuthEmulatorOptions();
        if (time is not null)
        {
            emulatorOptions.TimeProvider = time;
        }

        configureEmulator?.Invoke(emulatorOptions);
        var emulator = sharedEmulator ?? await SupabaseAuthEmulator.StartAsync(emulatorOptions);
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
                builder.Logging.SetMinimumLevel(LogLevel.Debug);
                builder.Logging.AddFakeLogging();
                if (time is not null)
                {
                    builder.Services.AddSingleton<TimeProvider>(time);
                }
            });
        await host.StartAsync();
        return new TestApp(emulator, host, time);
    }

    public TestBrowser NewBrowser() => new(BaseUrl);

    /// <summary>Returns every captured log line, each with its exception, for scanning.</summary>
    public string AllLogText() => string.Join(
        "\n",
        Logs.GetSnapshot().Select(record => $"{record.Level} {record.Id.Name}: {record.Message} {record.Exception}"));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
