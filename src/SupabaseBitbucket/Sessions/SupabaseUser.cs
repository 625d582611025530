namespace SupabaseBitbucket;

/// <summary>
/// A Supabase Auth user as returned by a code exchange, a refresh or <c>GET /auth/v1/user</c>.
/// </summary>
public sealed class SupabaseUser
{
    /// <summary>Gets the user's id (a UUID), which is also the <c>sub</c> claim of the access token.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the primary email address, or <see langword="null"/> when the user has none.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the phone number, or <see langword="null"/> when the user has none.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the Postgres role the user's requests run as, usually <c>authenticated</c>.</summary>
    public string? Role { get; init; }

    /// <summary>Gets the audience of the user's tokens (<c>aud</c>), usually <c>authenticated</c>.</summary>
    public string? Audience { get; init; }

    /// <summary>Gets the time the email address was confirmed.</summary>
    public DateTimeOffset? EmailConfirmedAt { get; init; }

    /// <summary>Gets the time the email address or phone number was first confirmed.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>Gets the time of the user's last sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>Gets the time the user was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the time the user was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets whether the user signed in anonymously.</summary>
    public bool IsAnonymous { get; init; }

    /// <summary>Gets the server-controlled metadata (<c>app_metadata</c>).</summary>
    public SupabaseAppMetadata AppMetadata { get; init; } = new();

    /// <summary>Gets the profile filled from the provider (<c>user_metadata</c>).</summary>
    public SupabaseUserMetadata UserMetadata { get; init; } = new();

    /// <summary>Gets the provider accounts linked to the user.</summary>
    public IReadOnlyList<SupabaseIdentity> Identities { get; init; } = [];

    /// <summary>Returns the user's id and provider; personal data such as the email address is left out.</summary>
    /// <returns>A description of the user.</returns>
    public override string ToString() => $"SupabaseUser {{ Id = {Id}, Provider = {AppMetadata.Provider} }}";
}
