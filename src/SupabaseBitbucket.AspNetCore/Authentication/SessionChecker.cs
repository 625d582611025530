namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Confirms with Supabase that a session still exists, sharing one call among the requests of this instance that
/// present the same access token at once.
/// </summary>
internal sealed class SessionChecker
{
    private readonly ISignInService _signIn;
    private readonly InFlightCalls<SupabaseUser> _calls = new();

    public SessionChecker(ISignInService signIn)
    {
        _signIn = signIn;
    }

    public Task<SupabaseUser> CheckAsync(string accessToken, CancellationToken cancellationToken)
    {
        return _calls.RunAsync(
            accessToken,
            token => _signIn.GetUserAsync(token, CancellationToken.None),
            cancellationToken);
    }
}
