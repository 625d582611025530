using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.Testing;

/// <summary>
/// An emulator of Supabase Auth and Bitbucket on a random 127.0.0.1 port, with its log captured.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(SupabaseAuthEmulator emulator, FakeLogCollector logs)
    {
        Emulator = emulator;
        Logs = logs;
    }

    public SupabaseAuthEmulator Emulator { get; }

    /// <summary>The emulator's log: one line per request (method, path, status), faults served and sessions made.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>
    /// Starts an emulator. A <paramref name="time"/> given here becomes the clock of every expiry it checks. With
    /// <paramref name="captureLogs"/> false the emulator has no logging provider, so <see cref="Logs"/> stays empty
    /// and a long run keeps no log records in memory.
    /// </summary>
    public static async Task<TestEmulator> StartAsync(
        Action<SupabaseAuthEmulatorOptions>? configure = null, FakeTimeProvider? time = null, bool captureLogs = true)
    {
        var logs = new FakeLogCollector();
        var options = new SupabaseAuthEmulatorOptions();
        if (captureLogs)
        {
            options.ConfigureLogging = logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(new FakeLoggerProvider(logs));
            };
        }

        if (time is not null)
        {
            options.TimeProvider = time;
        }

        configure?.Invoke(options);
        return new TestEmulator(await SupabaseAuthEmulator.StartAsync(options), logs);
    }

    /// <summary>Returns every captured log line, each with its exception, for scanning.</summary>
    public string LogText() => TestApp.FormatLog(Logs);

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
