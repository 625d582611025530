namespace SupabaseBitbucket.Emulator.State;

/// <summary>
/// One sign-in in progress, from <c>/authorize</c> to the code exchange. Its id is the OAuth <c>state</c>
/// sent to Bitbucket; its auth code, set only for PKCE, is the <c>code</c> the client exchanges.
/// </summary>
internal sealed class FlowState
{
    public required Guid Id { get; init; }

    public string? AuthCode { get; init; }

    public string? CodeChallenge { get; init; }

    /// <summary>Gets <c>s256</c> or <c>plain</c> for a PKCE flow.</summary>
    public string? CodeChallengeMethod { get; init; }

    /// <summary>Gets where the sign-in ends: an allowed <c>redirect_to</c>, the referrer or the Site URL.</summary>
    public required string RedirectTarget { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets or sets the signed-in user, set once by the callback; the store's lock guards it.</summary>
    public Guid? UserId { get; set; }

    public string ProviderToken { get; set; } = string.Empty;

    public string ProviderRefreshToken { get; set; } = string.Empty;

    public bool IsPkce => CodeChallenge is not null;

    // Subtracting cannot overflow for a lifetime as long as TimeSpan.MaxValue, where adding it to CreatedAt would.
    public bool IsExpired(DateTimeOffset now, TimeSpan lifetime) => now - CreatedAt > lifetime;
}
