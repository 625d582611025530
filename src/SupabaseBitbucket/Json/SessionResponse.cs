namespace SupabaseBitbucket;

/// <summary>The body of a successful code exchange or refresh, as Supabase Auth sends it.</summary>
internal sealed class SessionResponse
{
    public string? AccessToken { get; set; }

    public string? TokenType { get; set; }

    public int? ExpiresIn { get; set; }

    /// <summary>Unix time in seconds.</summary>
    public long? ExpiresAt { get; set; }

    public string? RefreshToken { get; set; }

    public UserResponse? User { get; set; }

    public string? ProviderToken { get; set; }

    public string? ProviderRefreshToken { get; set; }
}
