using System.Collections.Concurrent;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Shares one running call among the requests of this instance that ask for the same key at once.
/// </summary>
/// <remarks>
/// Lock-free: each request offers a task of its own, and the one whose task the dictionary keeps runs the call.
/// </remarks>
/// <typeparam name="TResult">The result of the call.</typeparam>
internal sealed class InFlightCalls<TResult>
{
    private readonly ConcurrentDictionary<string, Task<TResult>> _calls = new(StringComparer.Ordinal);

    public Task<TResult> RunAsync(string key, Func<string, Task<TResult>> call, CancellationToken cancellationToken)
    {
        var offered = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _calls.GetOrAdd(key, offered.Task);
        if (ReferenceEquals(shared, offered.Task))
        {
            _ = RunOnceAsync(key, call, offered);
        }

        // The shared call must not be cancelled by the first request that gave up waiting for it.
        return shared.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs the call and completes the shared task. The key is released first, so a request that arrives after the
    /// result starts a new call instead of reading this one.
    /// </summary>
    private async Task RunOnceAsync(string key, Func<string, Task<TResult>> call, TaskCompletionSource<TResult> shared)
    {
        TResult result;
        try
        {
            result = await call(key).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            _calls.TryRemove(KeyValuePair.Create(key, shared.Task));
            shared.SetCanceled(exception.CancellationToken);
            return;
        }
        catch (Exception exception)
        {
            _calls.TryRemove(KeyValuePair.Create(key, shared.Task));
            shared.SetException(exception);
            return;
        }

        _calls.TryRemove(KeyValuePair.Create(key, shared.Task));
        shared.SetResult(result);
    }
}
