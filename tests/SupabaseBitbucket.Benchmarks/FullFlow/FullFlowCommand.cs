using System.Globalization;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.Benchmarks.FullFlow;

/// <summary>
/// The <c>full-flow [seconds-per-level]</c> command: complete sign-ins per second through the sample web app against
/// its emulator on 127.0.0.1, with 1, 8 and 32 sign-ins at once, each level after a short warm-up.
/// </summary>
internal static class FullFlowCommand
{
    public const string Name = "full-flow";

    private const double DefaultSecondsPerLevel = 10;
    private const double MaxWarmUpSeconds = 2;
    private const int AccountCount = 64;
    private static readonly int[] Concurrencies = [1, 8, 32];

    /// <summary>Runs the command and returns its exit code: 0, 1 if sign-ins failed, 2 for invalid arguments.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        if (!TryParseSeconds(arguments, out var seconds))
        {
            await Console.Error.WriteLineAsync(
                $"Usage: {Name} [seconds-per-level]. The time each concurrency level runs is a positive number of "
                + $"seconds ({DefaultSecondsPerLevel} by default). The arguments were: {string.Join(' ', arguments)}");
            return 2;
        }

        var duration = TimeSpan.FromSeconds(seconds);
        var warmUp = TimeSpan.FromSeconds(Math.Min(MaxWarmUpSeconds, seconds));
        var report = new FullFlowReport(Console.Out, duration, warmUp);
        report.PrintStart();

        // Without logging providers the app and the emulator keep no log records, so logging adds nothing to memory
        // however long the run, and costs no more than its level checks.
        await using var app = await TestApp.StartAsync(captureLogs: false);
        var accounts = CreateAccounts();
        accounts.ForEach(app.Emulator.AddAccount);
        var load = new SignInLoad(number => FullSignIn.RunAsync(app, accounts[number % accounts.Count]));

        var levels = new List<LevelOutcome>();
        foreach (var concurrency in Concurrencies)
        {
            var warmUpResult = await load.RunAsync(concurrency, warmUp);
            var level = new LevelOutcome(warmUpResult, await load.RunAsync(concurrency, duration));
            report.PrintLevel(level);
            levels.Add(level);
        }

        report.PrintSummary(levels);
        var failures = levels.Sum(level => level.Failures);
        if (failures > 0)
        {
            await Console.Error.WriteLineAsync(
                $"{failures} sign-ins failed. The first messages of each level are printed above.");
            return 1;
        }

        return 0;
    }

    /// <summary>Creates accounts enough that no two sign-ins in flight at once use the same one.</summary>
    private static List<EmulatorAccount> CreateAccounts() =>
    [
        .. Enumerable.Range(0, AccountCount).Select(i => new EmulatorAccount($"bench-{i:D2}", $"Benchmark User {i:D2}")
        {
            Emails = [new EmulatorEmail($"bench-{i:D2}@example.com", isPrimary: true)],
        }),
    ];

    private static bool TryParseSeconds(string[] arguments, out double seconds)
    {
        seconds = DefaultSecondsPerLevel;
        return arguments.Length switch
        {
            0 => true,
            1 => double.TryParse(
                    arguments[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds)
                && seconds > 0,
            _ => false,
        };
    }
}
