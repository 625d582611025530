namespace SupabaseBitbucket;

/// <summary>The body of <c>POST /auth/v1/token?grant_type=pkce</c>.</summary>
internal sealed class PkceGrantRequest
{
    public required string AuthCode { get; init; }

    public required string CodeVerifier { get; init; }
}
