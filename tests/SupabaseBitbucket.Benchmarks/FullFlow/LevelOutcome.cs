namespace SupabaseBitbucket.Benchmarks.FullFlow;

/// <summary>The warm-up and the measured run of one concurrency level.</summary>
internal sealed record LevelOutcome(LoadResult WarmUp, LoadResult Measured)
{
    public int Concurrency => Measured.Concurrency;

    /// <summary>Gets the failed sign-ins of the warm-up and the measured run together.</summary>
    public int Failures => WarmUp.Failures + Measured.Failures;
}
