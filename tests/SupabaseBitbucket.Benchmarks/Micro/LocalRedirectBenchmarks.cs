using BenchmarkDotNet.Attributes;

namespace SupabaseBitbucket.Benchmarks.Micro;

/// <summary>
/// Checking a <c>next</c> path on every login and callback: a typical safe path and inputs that try to leave the
/// site, including ones percent-encoded twice so that every decoding round runs.
/// </summary>
[MemoryDiagnoser]
public class LocalRedirectBenchmarks
{
    public static IEnumerable<string> Inputs { get; } =
    [
        "/profile?tab=repos#top",
        "/%252F%252Fevil.example/login",
        "/\\evil.example",
        "https://evil.example/",
        "/a/b/c/%2e%2e/%2e%2e/%2e%2e/%2fevil.example",
    ];

    [ParamsSource(nameof(Inputs))]
    public string Next { get; set; } = "/";

    [Benchmark]
    public string Resolve() => LocalRedirect.Resolve(Next);
}
