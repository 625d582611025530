using System.Globalization;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// Sizes of the long-running checks, read from environment variables so that CI runs a reduced load and a
/// developer can run the full one or repeat a fuzz run.
/// </summary>
internal static class ReliabilitySettings
{
    /// <summary><c>SUPABASE_BITBUCKET_LOAD_SIGNINS</c>: complete sign-ins in the load test; 200 by default.</summary>
    public static int LoadSignIns => Read("SUPABASE_BITBUCKET_LOAD_SIGNINS", 200, minimum: 1, maximum: 100_000);

    /// <summary><c>SUPABASE_BITBUCKET_LOAD_CONCURRENCY</c>: sign-ins running at once; 32 by default.</summary>
    public static int LoadConcurrency => Read("SUPABASE_BITBUCKET_LOAD_CONCURRENCY", 32, minimum: 1, maximum: 256);

    /// <summary><c>SUPABASE_BITBUCKET_FUZZ_CASES</c>: fuzzed requests; 10,000 by default.</summary>
    public static int FuzzCases => Read("SUPABASE_BITBUCKET_FUZZ_CASES", 10_000, minimum: 1, maximum: 10_000_000);

    /// <summary><c>SUPABASE_BITBUCKET_FUZZ_SEED</c>: the seed of the fuzz run; a new one each run by default.</summary>
    public static int FuzzSeed => Read("SUPABASE_BITBUCKET_FUZZ_SEED", Random.Shared.Next(), minimum: 0, maximum: int.MaxValue);

    private static int Read(string name, int fallback, int minimum, int maximum)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new InvalidOperationException($"{name}='{text}' is invalid. Use a whole number from {minimum} to {maximum}.");
        }

        return value;
    }
}
