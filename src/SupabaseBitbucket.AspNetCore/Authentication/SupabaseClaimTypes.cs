namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Claim types that the integration adds to the signed-in user besides the standard
/// <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/>, <see cref="System.Security.Claims.ClaimTypes.Email"/>
/// and <see cref="System.Security.Claims.ClaimTypes.Name"/>.
/// </summary>
public static class SupabaseClaimTypes
{
    /// <summary>The Supabase user id (a UUID): <c>sub</c>.</summary>
    public const string UserId = "sub";

    /// <summary>The URL of the user's avatar, when Supabase has one: <c>avatar_url</c>.</summary>
    public const string AvatarUrl = "avatar_url";

    /// <summary>The identity provider the user signed in with, <c>bitbucket</c>: <c>provider</c>.</summary>
    public const string Provider = "provider";

    /// <summary>The Supabase session id from the access token: <c>session_id</c>.</summary>
    public const string SessionId = "session_id";

    /// <summary>The user's Bitbucket nickname, when Supabase has one: <c>user_name</c>.</summary>
    public const string UserName = "user_name";
}
