namespace SupabaseBitbucket.Emulator.State;

/// <summary>
/// A refresh token: 12 random lower-case letters and digits, the format of Supabase Auth's own tokens.
/// The session store's lock guards the mutable members.
/// </summary>
internal sealed class RefreshToken(string value, string? parent, AuthSession session)
{
    public string Value { get; } = value;

    /// <summary>Gets the token that was swapped for this one, if any.</summary>
    public string? Parent { get; } = parent;

    public AuthSession Session { get; } = session;

    public bool Revoked { get; private set; }

    /// <summary>Gets the time of revocation, from which the reuse interval counts.</summary>
    public DateTimeOffset RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now)
    {
        if (!Revoked)
        {
            Revoked = true;
            RevokedAt = now;
        }
    }
}
