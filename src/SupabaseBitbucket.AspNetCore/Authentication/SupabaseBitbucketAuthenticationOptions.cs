namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Settings for the ASP.NET Core sign-in endpoints and the cookie session.
/// </summary>
public sealed class SupabaseBitbucketAuthenticationOptions
{
    /// <summary>
    /// Gets or sets the public origin of the app, such as <c>https://app.example.com</c>, used to build the
    /// callback URL sent to Supabase.
    /// </summary>
    /// <value>
    /// <see langword="null"/> by default: the origin comes from the request, as ASP.NET Core's forwarded-headers
    /// and host-filtering middleware left it. A raw <c>X-Forwarded-Host</c> header is never read.
    /// </value>
    public string? PublicOrigin { get; set; }

    /// <summary>
    /// Gets or sets the path under which <c>MapSupabaseBitbucket</c> maps the login, callback, sign-out and
    /// error endpoints.
    /// </summary>
    /// <value><c>/auth</c> by default.</value>
    public string RoutePrefix { get; set; } = SupabaseBitbucketDefaults.RoutePrefix;

    /// <summary>Gets or sets which sessions sign-out ends at Supabase.</summary>
    /// <value><see cref="SignOutScope.Global"/> by default: every session of the user.</value>
    public SignOutScope SignOutScope { get; set; } = SignOutScope.Global;

    /// <summary>Gets or sets how long before the access token expires the session is refreshed.</summary>
    /// <value>1 minute by default.</value>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how often a signed-in user's session is confirmed with Supabase (<c>GET /auth/v1/user</c>), so
    /// that a session ended elsewhere, such as by a global sign-out on another device, signs the user out here
    /// within this time rather than at the next refresh.
    /// </summary>
    /// <value>5 minutes by default; <see langword="null"/> turns the check off. At least 10 seconds.</value>
    public TimeSpan? SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long a started sign-in may take before its flow cookie expires.</summary>
    /// <value>10 minutes by default.</value>
    public TimeSpan FlowLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how many sign-ins one browser may have started and not finished at once.</summary>
    /// <value>5 by default; starting another drops the oldest.</value>
    public int MaxPendingFlows { get; set; } = 5;

    /// <summary>
    /// Gets or sets the local path that sign-in failures redirect to, with <c>?reason=</c> and one of
    /// <see cref="SignInErrorReasons"/>.
    /// </summary>
    /// <value><see langword="null"/> by default: the built-in page at <c>{prefix}/error</c>.</value>
    public string? ErrorPath { get; set; }
}
