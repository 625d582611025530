using System.Collections.Concurrent;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Shares one running call among the requests of this instance that ask for the same key at once.
/// </summary>
/// <typeparam name="TResult">The result of the call.</typeparam>
internal sealed class InFlightCalls<TResult>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TResult>>> _calls = new(StringComparer.Ordinal);

    public async Task<TResult> RunAsync(string key, Func<string, Task<TResult>> call, CancellationToken cancellationToken)
    {
        // The shared call must not be cancelled by the first request that gave up waiting for it.
        var shared = _calls.GetOrAdd(key, k => new Lazy<Task<TResult>>(() => RunOnceAsync(k, call)));
        return await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResult> RunOnceAsync(string key, Func<string, Task<TResult>> call)
    {
        try
        {
            return await call(key).ConfigureAwait(false);
        }
        finally
        {
            _calls.TryRemove(key, out _);
        }
    }
}
