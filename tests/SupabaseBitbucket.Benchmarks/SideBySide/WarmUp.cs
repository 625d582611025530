namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>
/// The calls each side makes before it is timed: at least <see cref="Count"/> calls, and more until
/// <see cref="MinimumDuration"/> has passed, so that the JIT compilers of both runtimes have optimized the hot path.
/// </summary>
internal sealed record WarmUp(int Count, TimeSpan MinimumDuration)
{
    /// <summary>Returns the warm-up for a run of <paramref name="count"/> calls: a tenth as many, and 1 s.</summary>
    public static WarmUp For(int count) => new(count / 10, TimeSpan.FromSeconds(1));
}
