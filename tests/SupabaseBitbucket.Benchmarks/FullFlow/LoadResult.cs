namespace SupabaseBitbucket.Benchmarks.FullFlow;

/// <summary>
/// What one run of <see cref="SignInLoad"/> measured: the latency of each completed sign-in in milliseconds, sorted,
/// and the failed ones. <see cref="Elapsed"/> lasts until the last sign-in in flight ended.
/// </summary>
internal sealed record LoadResult(
    int Concurrency, TimeSpan Elapsed, double[] SortedLatencies, int Failures, IReadOnlyList<string> FailureMessages)
{
    public int SignIns => SortedLatencies.Length;

    public double SignInsPerSecond => SignIns / Elapsed.TotalSeconds;

    /// <summary>Returns the nearest-rank percentile of the latencies, or null when no sign-in completed.</summary>
    public double? Percentile(double fraction) => SignIns == 0
        ? null
        : SortedLatencies[Math.Clamp((int)Math.Ceiling(fraction * SignIns) - 1, 0, SignIns - 1)];
}
