namespace SupabaseBitbucket;

/// <summary>
/// Names of the calls to Supabase Auth, as found in <see cref="SupabaseAuthException.Operation"/> and in logs.
/// </summary>
public static class SupabaseAuthOperations
{
    /// <summary>The PKCE code exchange, <c>POST /auth/v1/token?grant_type=pkce</c>.</summary>
    public const string ExchangeCode = "exchange";

    /// <summary>The session refresh, <c>POST /auth/v1/token?grant_type=refresh_token</c>.</summary>
    public const string RefreshSession = "refresh";

    /// <summary>The user request, <c>GET /auth/v1/user</c>.</summary>
    public const string GetUser = "user";

    /// <summary>The sign-out, <c>POST /auth/v1/logout</c>.</summary>
    public const string SignOut = "sign-out";
}
