using System.Globalization;
using SupabaseBitbucket.Benchmarks.Reporting;
using static System.FormattableString;

namespace SupabaseBitbucket.Benchmarks.FullFlow;

/// <summary>The printed result of <c>full-flow</c>: a line per concurrency level and a Markdown summary.</summary>
internal sealed class FullFlowReport(TextWriter output, TimeSpan duration, TimeSpan warmUp)
{
    public void PrintStart()
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Full sign-ins (login, consent, callback, profile, sign-out) through the sample web app against its "
            + $"emulator on 127.0.0.1: {duration.TotalSeconds:0.###} s per level after a "
            + $"{warmUp.TotalSeconds:0.###} s warm-up."));
        output.WriteLine("The browsers, the app and the emulator all run in this process and share its processors.");
    }

    public void PrintLevel(LevelOutcome level)
    {
        var measured = level.Measured;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{level.Concurrency} at once: {measured.SignIns:N0} sign-ins in {measured.Elapsed.TotalSeconds:0.00} s, "
            + $"{measured.SignInsPerSecond:0.0} sign-ins/s, latency p50 {Milliseconds(measured.Percentile(0.50))} ms, "
            + $"p99 {Milliseconds(measured.Percentile(0.99))} ms, {measured.Failures} failures; warm-up "
            + $"{level.WarmUp.SignIns:N0} sign-ins, {level.WarmUp.Failures} failures"));
        foreach (var message in level.WarmUp.FailureMessages.Concat(measured.FailureMessages))
        {
            output.WriteLine($"  failed {message}");
        }
    }

    public void PrintSummary(IReadOnlyList<LevelOutcome> levels)
    {
        var table = new MarkdownTable("at once", "sign-ins", "sign-ins/s", "p50 ms", "p99 ms", "failures");
        foreach (var level in levels)
        {
            var measured = level.Measured;
            table.AddRow(
                Invariant($"{level.Concurrency}"),
                Invariant($"{measured.SignIns:N0}"),
                Invariant($"{measured.SignInsPerSecond:0.0}"),
                Milliseconds(measured.Percentile(0.50)),
                Milliseconds(measured.Percentile(0.99)),
                Invariant($"{level.Failures}"));
        }

        output.WriteLine();
        output.WriteLine("Summary (Markdown):");
        output.WriteLine();
        output.Write(table.ToString());
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Each level ran {duration.TotalSeconds:0.###} s after a {warmUp.TotalSeconds:0.###} s warm-up, and its "
            + $"failures include the warm-up. Browsers, sample app and emulator in one process on "
            + $"{MachineInfo.Describe()}."));
    }

    private static string Milliseconds(double? latency) => latency is { } value ? Invariant($"{value:0}") : "-";
}
