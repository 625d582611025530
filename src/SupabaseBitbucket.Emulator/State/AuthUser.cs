namespace SupabaseBitbucket.Emulator.State;

/// <summary>A Supabase Auth user with one Bitbucket identity; replaced, never changed, on each sign-in.</summary>
internal sealed record AuthUser(
    Guid Id,
    string Email,
    Guid IdentityId,
    IdentityData Identity,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastSignInAt)
{
    /// <summary>Gets the time the email was confirmed: the first sign-in, because the emulator auto-confirms.</summary>
    public DateTimeOffset EmailConfirmedAt => CreatedAt;
}
