using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SupabaseBitbucket.Emulator.CommandLine;

namespace SupabaseBitbucket.Emulator;

/// <summary>
/// The standalone emulator: <c>dotnet run --project src/SupabaseBitbucket.Emulator -- --port 54321</c>.
/// Exits 0 after Ctrl+C or SIGTERM, 1 when it cannot listen, and 2 for a bad option.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parsed = EmulatorCommandLine.Parse(args);
        if (parsed.ShowHelp)
        {
            await Console.Out.WriteLineAsync(EmulatorCommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        if (parsed.Options is not { } options)
        {
            await Console.Error.WriteLineAsync(parsed.Error + Environment.NewLine).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(EmulatorCommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        options.ConfigureLogging = logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        SupabaseAuthEmulator emulator;
        try
        {
            emulator = await SupabaseAuthEmulator.StartAsync(options).ConfigureAwait(false);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }
        catch (IOException exception)
        {
            var message = $"The emulator could not listen: {exception.Message}";
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            var siteUrl = options.SiteUrl ?? SupabaseAuthEmulatorOptions.DefaultSiteUrl;
            await Console.Out.WriteAsync(StartupBanner.Format(emulator, siteUrl)).ConfigureAwait(false);
            await WaitForShutdownSignalAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static Task WaitForShutdownSignalAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return stop.Task.ContinueWith(
            _ =>
            {
                interrupt.Dispose();
                terminate.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
