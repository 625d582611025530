namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Refreshes Supabase sessions, sharing one call among the requests of this instance that present the same
/// refresh token at once. Supabase rotates refresh tokens, so without this a page that loads several
/// resources at expiry would spend the token several times.
/// </summary>
internal sealed class SessionRefresher
{
    private readonly ISignInService _signIn;
    private readonly InFlightCalls<Session> _calls = new();

    public SessionRefresher(ISignInService signIn)
    {
        _signIn = signIn;
    }

    public Task<Session> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        return _calls.RunAsync(
            refreshToken,
            token => _signIn.RefreshSessionAsync(token, CancellationToken.None),
            cancellationToken);
    }
}
