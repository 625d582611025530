using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// The integration's paths for one request, with the app's path base.
/// </summary>
internal static class AuthPaths
{
    public const string Login = "/login";
    public const string Callback = "/callback";
    public const string SignOut = "/signout";
    public const string Error = "/error";

    public static string Prefix(SupabaseBitbucketAuthenticationOptions options) => options.RoutePrefix.TrimEnd('/');

    /// <summary>The path of the flow cookies: the route prefix, so that only login and callback receive them.</summary>
    public static string CookiePath(HttpContext context, SupabaseBitbucketAuthenticationOptions options)
    {
        var path = context.Request.PathBase.Add(new PathString(Prefix(options))).Value;
        return string.IsNullOrEmpty(path) ? "/" : path;
    }

    /// <summary>
    /// Builds the error page URL for a reason, with the sign-in's local next path when it has one, so that the
    /// page's "Sign in again" returns the user where they were going.
    /// </summary>
    public static string ErrorUrl(
        HttpContext context, SupabaseBitbucketAuthenticationOptions options, string reason, string? next = null)
    {
        var path = options.ErrorPath ?? Prefix(options) + Error;
        var url = context.Request.PathBase.Add(new PathString(path)).Value + "?reason=" + Uri.EscapeDataString(reason);
        return next is not null && next != "/" && LocalRedirect.IsLocal(next)
            ? url + "&next=" + Uri.EscapeDataString(next)
            : url;
    }

    /// <summary>
    /// Builds the absolute callback URL from the configured public origin, or else from the request's scheme and
    /// host as ASP.NET Core's forwarded-headers and host-filtering middleware left them.
    /// </summary>
    public static string? CallbackUrl(HttpContext context, SupabaseBitbucketAuthenticationOptions options, string flowId)
    {
        string origin;
        if (options.PublicOrigin is { } publicOrigin)
        {
            origin = publicOrigin.TrimEnd('/');
        }
        else if (context.Request.Host.HasValue)
        {
            // Lower case, because Supabase matches the allow-list against the URL as text.
            origin = context.Request.Scheme.ToLowerInvariant() + "://" + context.Request.Host.ToUriComponent();
        }
        else
        {
            return null;
        }

        return origin + context.Request.PathBase.ToUriComponent() + Prefix(options) + Callback + "?flow=" + flowId;
    }
}
