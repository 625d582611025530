using System.Collections.Concurrent;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Refreshes Supabase sessions, sharing one call among the requests of this instance that present the same
/// refresh token at once. Supabase rotates refresh tokens, so without this a page that loads several
/// resources at expiry would spend the token several times.
/// </summary>
internal sealed class SessionRefresher
{
    private readonly ISignInService _signIn;
    private readonly ConcurrentDictionary<string, Lazy<Task<Session>>> _inFlight = new(StringComparer.Ordinal);

    public SessionRefresher(ISignInService signIn)
    {
        _signIn = signIn;
    }

    public async Task<Session> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        // The shared call must not be cancelled by the first request that gave up waiting for it.
        var call = _inFlight.GetOrAdd(
            refreshToken,
            token => new Lazy<Task<Session>>(() => RefreshOnceAsync(token)));
        return await call.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Session> RefreshOnceAsync(string refreshToken)
    {
        try
        {
            return await _signIn.RefreshSessionAsync(refreshToken, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(refreshToken, out _);
        }
    }
}
