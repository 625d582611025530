namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>The fields of an auth-js session that the tests use.</summary>
internal sealed record NodeSession(
    string AccessToken,
    string RefreshToken,
    string? TokenType,
    long? ExpiresIn,
    long? ExpiresAt,
    string? ProviderToken,
    string? ProviderRefreshToken,
    string? UserId,
    string? Email);
