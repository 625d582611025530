namespace SupabaseBitbucket;

/// <summary>The body of <c>POST /auth/v1/token?grant_type=refresh_token</c>.</summary>
internal sealed class RefreshTokenGrantRequest
{
    public required string RefreshToken { get; init; }
}
