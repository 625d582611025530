namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>
/// Response bodies shaped like those of Supabase Auth for a Bitbucket user, with recognizable fake secrets.
/// </summary>
internal static class SampleResponses
{
    public const string AccessToken =
        "eyJhbGciOiJIUzI1NiIsImtpZCI6ImtleS0xIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ1c2VyIn0.AccessTokenSignature0123";
    public const string RefreshToken = "RefreshTokenSecret0123";
    public const string ProviderToken = "BitbucketProviderToken0123";
    public const string ProviderRefreshToken = "BitbucketProviderRefresh0123";
    public const string UserId = "8f5a2b4e-1c3d-4e5f-9a8b-7c6d5e4f3a2b";
    public const long ExpiresAt = 1768482000;

    public const string User = """
        {
          "id": "8f5a2b4e-1c3d-4e5f-9a8b-7c6d5e4f3a2b",
          "aud": "authenticated",
          "role": "authenticated",
          "email": "ada@example.com",
          "email_confirmed_at": "2026-01-10T09:30:00.123456Z",
          "phone": "",
          "confirmed_at": "2026-01-10T09:30:00.123456Z",
          "last_sign_in_at": "2026-01-15T11:59:58.987654321Z",
          "app_metadata": { "provider": "bitbucket", "providers": ["bitbucket"] },
          "user_metadata": {
            "avatar_url": "",
            "email": "ada@example.com",
            "email_verified": true,
            "full_name": "Ada Lovelace",
            "iss": "https://api.bitbucket.org/2.0",
            "name": "Ada Lovelace",
            "picture": "",
            "provider_id": "{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}",
            "sub": "{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}"
          },
          "identities": [
            {
              "identity_id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
              "id": "{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}",
              "user_id": "8f5a2b4e-1c3d-4e5f-9a8b-7c6d5e4f3a2b",
              "identity_data": {
                "email": "ada@example.com",
                "email_verified": true,
                "full_name": "Ada Lovelace",
                "iss": "https://api.bitbucket.org/2.0",
                "name": "Ada Lovelace",
                "provider_id": "{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}",
                "sub": "{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}"
              },
              "provider": "bitbucket",
              "last_sign_in_at": "2026-01-15T11:59:58.987654Z",
              "created_at": "2026-01-10T09:30:00.123456Z",
              "updated_at": "2026-01-15T11:59:58.987654Z",
              "email": "ada@example.com"
            }
          ],
          "created_at": "2026-01-10T09:30:00.123456Z",
          "updated_at": "2026-01-15T11:59:59.000001Z",
          "is_anonymous": false
        }
        """;

    /// <summary>A successful code exchange: tokens, expiry, the Bitbucket tokens and the user.</summary>
    public static string Exchange { get; } = $$"""
        {
          "access_token": "{{AccessToken}}",
          "token_type": "bearer",
          "expires_in": 3600,
          "expires_at": {{ExpiresAt}},
          "refresh_token": "{{RefreshToken}}",
          "user": {{User}},
          "provider_token": "{{ProviderToken}}",
          "provider_refresh_token": "{{ProviderRefreshToken}}"
        }
        """;

    /// <summary>A successful refresh without <c>expires_at</c>, so the client computes it.</summary>
    public static string RefreshWithoutExpiresAt { get; } = $$"""
        {
          "access_token": "{{AccessToken}}",
          "token_type": "bearer",
          "expires_in": 3600,
          "refresh_token": "{{RefreshToken}}",
          "user": {{User}}
        }
        """;

    /// <summary>An error body in the shape selected by <c>X-Supabase-Api-Version: 2024-01-01</c>.</summary>
    public static string ModernError(string code, string message) =>
        $$"""{"code":"{{code}}","message":"{{message}}"}""";

    /// <summary>An error body in the shape sent without the API version header.</summary>
    public static string LegacyError(int status, string code, string message) =>
        $$"""{"code":{{status}},"error_code":"{{code}}","msg":"{{message}}","error_id":"req-1"}""";

    public static string OAuthError(string error, string description) =>
        $$"""{"error":"{{error}}","error_description":"{{description}}"}""";
}
