namespace SupabaseBitbucket.Emulator.State;

/// <summary>A signed-in session and the refresh tokens issued for it, oldest first.</summary>
internal sealed class AuthSession(Guid id, Guid userId, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public Guid UserId { get; } = userId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<RefreshToken> RefreshTokens { get; } = [];

    /// <summary>Gets the newest refresh token that is not revoked, as Supabase Auth finds it.</summary>
    public RefreshToken? CurrentRefreshToken => RefreshTokens.LastOrDefault(token => !token.Revoked);
}
