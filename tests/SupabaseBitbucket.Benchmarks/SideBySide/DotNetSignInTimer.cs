using System.Diagnostics;

namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>
/// Times <see cref="ISignInService.SignInWithBitbucket"/> on the calling thread, taking the authorize URL of each
/// result as a string, and counts the bytes that thread allocates meanwhile.
/// </summary>
internal sealed class DotNetSignInTimer(ISignInService signIn)
{
    public (SignInTiming Timing, double BytesPerCall) Measure(int count, WarmUp warmUp)
    {
        var warmUpStart = Stopwatch.GetTimestamp();
        for (var done = 0; done < warmUp.Count || Stopwatch.GetElapsedTime(warmUpStart) < warmUp.MinimumDuration;
             done++)
        {
            _ = SignIn();
        }

        var url = string.Empty;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            url = SignIn();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (new SignInTiming(count, elapsed.TotalSeconds, url), (double)allocated / count);
    }

    /// <summary>Starts a sign-in and returns its URL text, which a redirect sends and auth-js returns as data.url.</summary>
    private string SignIn() => signIn.SignInWithBitbucket().ToString();
}
