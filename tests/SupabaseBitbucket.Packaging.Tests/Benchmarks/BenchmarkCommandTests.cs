using System.Globalization;
using System.Text.RegularExpressions;
using SupabaseBitbucket.Packaging.Tests.Infrastructure;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.Packaging.Tests.Benchmarks;

/// <summary>
/// Runs the benchmark program's <c>compare-auth-js</c> and <c>full-flow</c> commands with small sizes through
/// <c>dotnet run</c> from the repository root, and checks that they complete and print their summary tables. The
/// checks never look at how fast anything was, which depends on the machine.
/// </summary>
/// <remarks>Both tests build the benchmark project in Release, so they run one at a time.</remarks>
[TestFixture]
[NonParallelizable]
public sealed partial class BenchmarkCommandTests
{
    private const string RunBenchmarks = "dotnet run -c Release --project tests/SupabaseBitbucket.Benchmarks --";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    [Test]
    public async Task CompareAuthJs_TimesBothSides()
    {
        if (ChildProcess.FindOnPath("node") is null || ChildProcess.FindOnPath("npm") is null)
        {
            Assert.Ignore("compare-auth-js needs node and npm on PATH to run @supabase/auth-js. Install Node.js with "
                + "npm; .ci/run installs both.");
        }

        var result = await CommandRunner.RunAsync($"{RunBenchmarks} compare-auth-js 2000", Repository.Root, RunTimeout);
        var rows = SummaryRows(result.Output);
        var ratio = RatioPattern().Match(result.Output);

        result.ExitCode.Should().Be(0, result.ToString());
        rows.Should().ContainSingle(cells => cells[0].StartsWith("SupabaseBitbucket (", StringComparison.Ordinal))
            .Which[1].Should().Be("2,000", "the .NET side completes every call");
        rows.Should().ContainSingle(cells => cells[0].StartsWith("@supabase/auth-js ", StringComparison.Ordinal))
            .Which[1].Should().Be("2,000", "the node side completes every call");
        ratio.Success.Should().BeTrue("the output prints the ratio:\n{0}", result.Output);
        double.Parse(ratio.Groups["ratio"].Value, CultureInfo.InvariantCulture).Should().BePositive();
    }

    [Test]
    public async Task FullFlow_SignsInAtEveryLevel()
    {
        var result = await CommandRunner.RunAsync($"{RunBenchmarks} full-flow 1", Repository.Root, RunTimeout);
        var rows = SummaryRows(result.Output);

        result.ExitCode.Should().Be(0, result.ToString());
        foreach (var concurrency in new[] { "1", "8", "32" })
        {
            var row = rows.Should().ContainSingle(cells => cells[0] == concurrency).Which;
            var signIns = int.Parse(row[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            signIns.Should().BePositive("at least one sign-in completes with {0} at once", concurrency);
            row[5].Should().Be("0", "no sign-in fails with {0} at once", concurrency);
        }
    }

    /// <summary>Returns the cells of every Markdown table row in the output, the header row included.</summary>
    private static List<string[]> SummaryRows(string output) =>
    [
        .. output.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray()),
    ];

    [GeneratedRegex(@"Ratio ours/auth-js: (?<ratio>[0-9]+(\.[0-9]+)?)")]
    private static partial Regex RatioPattern();
}
