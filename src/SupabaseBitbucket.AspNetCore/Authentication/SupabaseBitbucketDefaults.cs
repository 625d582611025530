namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Default names used by the ASP.NET Core integration.
/// </summary>
public static class SupabaseBitbucketDefaults
{
    /// <summary>The cookie authentication scheme that contains the Supabase session: <c>SupabaseBitbucket</c>.</summary>
    public const string AuthenticationScheme = "SupabaseBitbucket";

    /// <summary>The name of the session cookie: <c>.SupabaseBitbucket.Session</c>.</summary>
    public const string SessionCookieName = ".SupabaseBitbucket.Session";

    /// <summary>The prefix of the per-sign-in flow cookies over plain HTTP: <c>.SupabaseBitbucket.Flow.</c>.</summary>
    public const string FlowCookiePrefix = ".SupabaseBitbucket.Flow.";

    /// <summary>The prefix of the per-sign-in flow cookies over HTTPS: <c>__Host-SupabaseBitbucket.Flow.</c>.</summary>
    public const string SecureFlowCookiePrefix = "__Host-SupabaseBitbucket.Flow.";

    /// <summary>The route prefix of the login, callback, sign-out and error endpoints: <c>/auth</c>.</summary>
    public const string RoutePrefix = "/auth";
}
