using BenchmarkDotNet.Running;
using SupabaseBitbucket.Benchmarks.FullFlow;
using SupabaseBitbucket.Benchmarks.Micro;
using SupabaseBitbucket.Benchmarks.SideBySide;

// "compare-auth-js [count]" and "full-flow [seconds-per-level]" run the side-by-side and full sign-in measurements.
// Any other arguments go to BenchmarkDotNet. With none it prompts for the benchmarks to run, and "--filter *" runs
// them all.
return args.FirstOrDefault() switch
{
    CompareAuthJsCommand.Name => await CompareAuthJsCommand.RunAsync(args[1..]),
    FullFlowCommand.Name => await FullFlowCommand.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

// A benchmark that failed to build or run makes the exit code 1, so scripts that run the benchmarks notice.
static int RunBenchmarkDotNet(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(SignInBenchmarks).Assembly).Run(args);
    var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
    return failed ? 1 : 0;
}
