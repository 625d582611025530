using System.Globalization;
using SupabaseBitbucket.Benchmarks.Reporting;
using static System.FormattableString;

namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>
/// The printed result of <c>compare-auth-js</c>: both timings, their ratio, the last URL of each side and a Markdown
/// summary. The ratio is the calls per second of SupabaseBitbucket divided by those of @supabase/auth-js, so a value
/// above 1 means SupabaseBitbucket starts sign-ins faster.
/// </summary>
internal sealed record ComparisonReport(AuthJsTiming AuthJs, SignInTiming Ours, double OursBytesPerCall, WarmUp WarmUp)
{
    public double Ratio => Ours.OperationsPerSecond / AuthJs.Timing.OperationsPerSecond;

    public void Print(TextWriter output)
    {
        var authJsName = $"@supabase/auth-js {AuthJs.AuthJsVersion} on node {AuthJs.NodeVersion}";
        var oursName = $"SupabaseBitbucket on {MachineInfo.DotNetVersion}";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Starting a Bitbucket sign-in with PKCE, {Ours.Count:N0} calls on each side after a warm-up of at least "
            + $"{WarmUp.Count:N0} calls and {WarmUp.MinimumDuration.TotalSeconds:0.#} s."));
        output.WriteLine(Invariant($"{authJsName}: {Describe(AuthJs.Timing)}"));
        output.WriteLine(Invariant($"{oursName}: {Describe(Ours)}, {OursBytesPerCall:N0} bytes allocated per call"));
        output.WriteLine(Invariant(
            $"Ratio ours/auth-js: {Ratio:0.00} (calls per second of SupabaseBitbucket over those of auth-js)"));
        output.WriteLine($"Last auth-js URL: {AuthJs.Timing.LastUrl}");
        output.WriteLine($"Last SupabaseBitbucket URL: {Ours.LastUrl}");
        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        output.WriteLine();
        output.WriteLine("Summary (Markdown):");
        output.WriteLine();
        output.Write(SummaryTable());
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Ratio ours/auth-js: {Ratio:0.00}, calls per second of starting a sign-in with PKCE. Node "
            + $"{AuthJs.NodeVersion}, {MachineInfo.Describe()}."));
    }

    private static string Describe(SignInTiming timing) => string.Create(
        CultureInfo.InvariantCulture,
        $"{timing.Count:N0} calls in {timing.Seconds:0.000} s, {timing.OperationsPerSecond:N0} calls/s");

    private string SummaryTable()
    {
        var table = new MarkdownTable("implementation", "calls", "seconds", "calls/s", "bytes allocated per call");
        var oursName = $"SupabaseBitbucket ({MachineInfo.DotNetVersion})";
        var authJsName = $"@supabase/auth-js {AuthJs.AuthJsVersion} (node {AuthJs.NodeVersion})";
        table.AddRow(Row(oursName, Ours, Invariant($"{OursBytesPerCall:N0}")));
        table.AddRow(Row(authJsName, AuthJs.Timing, "not measured"));
        return table.ToString();
    }

    private static string[] Row(string implementation, SignInTiming timing, string bytesPerCall) =>
    [
        implementation,
        Invariant($"{timing.Count:N0}"),
        Invariant($"{timing.Seconds:0.000}"),
        Invariant($"{timing.OperationsPerSecond:N0}"),
        bytesPerCall,
    ];
}
