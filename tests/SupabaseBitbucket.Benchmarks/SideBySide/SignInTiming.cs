namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>
/// How long one implementation took to start <see cref="Count"/> sign-ins, and the authorize URL of the last one.
/// </summary>
internal sealed record SignInTiming(int Count, double Seconds, string LastUrl)
{
    public double OperationsPerSecond => Count / Seconds;
}
