namespace SupabaseBitbucket.ConformanceTests.Recording;

/// <summary>Valid Supabase Auth response bodies for a Bitbucket user, with recognizable fake secrets.</summary>
internal static class CannedResponses
{
    public const string AccessToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjMGZmZWUwMC0xMTExLTRhYWEtOGJiYi0wMDAwMDAwMDAwMDEifQ.c2lnbmF0dXJl";

    public const string RefreshToken = "cannedrefrsh";

    public const string UserId = "c0ffee00-1111-4aaa-8bbb-000000000001";

    public const string User = """
        {
          "id": "c0ffee00-1111-4aaa-8bbb-000000000001",
          "aud": "authenticated",
          "role": "authenticated",
          "email": "grace@example.com",
          "email_confirmed_at": "2026-02-01T08:00:00.000000Z",
          "phone": "",
          "last_sign_in_at": "2026-02-01T08:00:00.000000Z",
          "app_metadata": { "provider": "bitbucket", "providers": ["bitbucket"] },
          "user_metadata": {
            "avatar_url": "",
            "email": "grace@example.com",
            "email_verified": true,
            "full_name": "Grace Hopper",
            "iss": "https://api.bitbucket.org/2.0",
            "name": "Grace Hopper",
            "picture": "",
            "provider_id": "{5d1c7e0a-2b3c-4d5e-8f90-a1b2c3d4e5f6}",
            "sub": "{5d1c7e0a-2b3c-4d5e-8f90-a1b2c3d4e5f6}"
          },
          "identities": [],
          "created_at": "2026-02-01T08:00:00.000000Z",
          "updated_at": "2026-02-01T08:00:00.000000Z",
          "is_anonymous": false
        }
        """;

    /// <summary>The body of a successful code exchange or refresh.</summary>
    public static string Session { get; } = $$"""
        {
          "access_token": "{{AccessToken}}",
          "token_type": "bearer",
          "expires_in": 3600,
          "expires_at": 4102444800,
          "refresh_token": "{{RefreshToken}}",
          "user": {{User}}
        }
        """;
}
