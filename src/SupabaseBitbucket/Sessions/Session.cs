using System.Globalization;

namespace SupabaseBitbucket;

/// <summary>
/// A Supabase Auth session: the tokens returned by a code exchange or a refresh, and the signed-in user.
/// </summary>
/// <remarks>
/// The tokens are secrets. Keep the session where only the user's own requests can read it, and never log it.
/// </remarks>
public sealed class Session
{
    /// <summary>Gets the access token, a JWT that authorizes requests as the user until <see cref="ExpiresAt"/>.</summary>
    public string AccessToken { get; init; } = string.Empty;

    /// <summary>Gets the token type.</summary>
    /// <value><c>bearer</c>, the only type Supabase Auth issues.</value>
    public string TokenType { get; init; } = "bearer";

    /// <summary>Gets the lifetime of the access token when it was issued, in seconds.</summary>
    public int ExpiresIn { get; init; }

    /// <summary>Gets the time at which the access token expires.</summary>
    /// <value>
    /// The server's <c>expires_at</c>, or the time of the response plus <see cref="ExpiresIn"/> when the server
    /// sent no <c>expires_at</c>.
    /// </value>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>
    /// Gets the refresh token, which obtains a new session once. Each refresh returns a new one and revokes the old.
    /// </summary>
    public string RefreshToken { get; init; } = string.Empty;

    /// <summary>
    /// Gets the signed-in user, or <see langword="null"/> when the response carried no user object with an id.
    /// </summary>
    public SupabaseUser? User { get; init; }

    /// <summary>Gets the Bitbucket access token, present only in the response of a code exchange.</summary>
    /// <value>
    /// <see langword="null"/> after a refresh, because Supabase Auth does not store the provider's tokens. Keep this
    /// one from the exchange if the application calls the Bitbucket API.
    /// </value>
    public string? ProviderToken { get; init; }

    /// <summary>Gets the Bitbucket refresh token, present only in the response of a code exchange.</summary>
    public string? ProviderRefreshToken { get; init; }

    /// <summary>Returns the token type, expiry and user id, and leaves the tokens out.</summary>
    /// <returns>A description of the session without secrets.</returns>
    public override string ToString()
    {
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Session {{ TokenType = {TokenType}, ExpiresAt = {ExpiresAt:O}, UserId = {User?.Id} }}");
    }
}
