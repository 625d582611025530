using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SupabaseBitbucket.Emulator.CommandLine;

namespace SupabaseBitbucket.Emulator;

/// <summary>
/// The standalone emulator: <c>dotnet run --project src/SupabaseBitbucket.Emulator -- --port 54321</c>.
/// Exits 0 after Ctrl+C or SIGTERM, 1 when it cannot listen, and 2 for a bad option.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, EmulatorCommandLine.RepositoryCommandName);

    /// <summary>
    /// Runs the standalone emulator, with <paramref name="commandName"/> as the command in the usage text.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, string commandName)
    {
        var parsed = EmulatorCommandLine.Parse(args);
        var usage = EmulatorCommandLine.FormatUsage(commandName);
        if (parsed.ShowHelp)
        {
            await Console.Out.WriteLineAsync(usage).ConfigureAwait(false);
            return 0;
        }

        if (parsed.Options is not { } options)
        {
            await Console.Error.WriteLineAsync(parsed.Error + Environment.NewLine).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(usage).ConfigureAwait(false);
            return 2;
        }

        options.ConfigureLogging = logging =>
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });

            // The host logs a failed start as an error with the full stack trace, which the catch below reports
            // in one line. The only other error-level host message reports a failed BackgroundService, and the
            // emulator runs none. Critical host messages still reach the console.
            logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Extensions.Hosting", LogLevel.Critical);
        };
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
