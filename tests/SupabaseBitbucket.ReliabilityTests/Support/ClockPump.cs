using Microsoft.Extensions.Time.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// Moves a fake clock forward while a request runs. SupabaseAuthClient times its calls on the app's
/// TimeProvider, so under a FakeTimeProvider a timeout fires only when a test advances the clock.
/// </summary>
internal static class ClockPump
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RealInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="action"/> and advances <paramref name="time"/> by 250 ms every 50 ms of real time until
    /// it completes, by 30 s at most.
    /// </summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> action)
    {
        var task = action();
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted && advanced < MaxAdvance)
        {
            await Task.WhenAny(task, Task.Delay(RealInterval));
            if (!task.IsCompleted)
            {
                time.Advance(Step);
                advanced += Step;
            }
        }

        return await task;
    }
}
