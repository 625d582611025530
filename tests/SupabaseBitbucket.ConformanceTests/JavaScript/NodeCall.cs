namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>One call for <c>calls.mjs</c>. Unused fields stay null and are left out of the JSON.</summary>
internal sealed record NodeCall(string Op)
{
    public string? AuthCode { get; init; }

    public string? CodeVerifier { get; init; }

    public string? FlowType { get; init; }

    public string? RefreshToken { get; init; }

    public string? AccessToken { get; init; }

    public string? Scope { get; init; }

    public static NodeCall Exchange(string authCode, string codeVerifier) =>
        new("exchange") { AuthCode = authCode, CodeVerifier = codeVerifier };

    public static NodeCall Refresh(string refreshToken) => new("refresh") { RefreshToken = refreshToken };

    public static NodeCall GetUser(string accessToken) => new("getUser") { AccessToken = accessToken };

    public static NodeCall SignOut(string accessToken, string scope) =>
        new("signOut") { AccessToken = accessToken, Scope = scope };

    public static NodeCall RawSignOut(string accessToken, string scope) =>
        new("rawSignOut") { AccessToken = accessToken, Scope = scope };
}
