using System.Diagnostics;

namespace SupabaseBitbucket.Benchmarks.FullFlow;

/// <summary>
/// Runs sign-ins for a fixed time with a fixed number in flight at once. Each worker starts its next sign-in when the
/// previous one ends, until the time is up, and every sign-in started is let finish.
/// </summary>
/// <param name="signIn">Runs sign-in number n, counted from 0 within a run, and throws when it fails.</param>
internal sealed class SignInLoad(Func<int, Task> signIn)
{
    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration)
    {
        var failures = new FailureLog();
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency)
            .Select(worker => Task.Run(() => RunWorkerAsync(worker, concurrency, start, duration, failures)));
        var latencies = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new LoadResult(
            concurrency, elapsed, [.. latencies.SelectMany(l => l).Order()], failures.Count, failures.Messages);
    }

    private async Task<List<double>> RunWorkerAsync(
        int worker, int concurrency, long start, TimeSpan duration, FailureLog failures)
    {
        var latencies = new List<double>();
        for (var number = worker; Stopwatch.GetElapsedTime(start) < duration; number += concurrency)
        {
            var signInStart = Stopwatch.GetTimestamp();
            try
            {
                await signIn(number);
                latencies.Add(Stopwatch.GetElapsedTime(signInStart).TotalMilliseconds);
            }
            catch (Exception exception)
            {
                // Any exception means a failed sign-in, which is counted and reported, and the worker goes on.
                failures.Add(number, exception);
            }
        }

        return latencies;
    }
}
