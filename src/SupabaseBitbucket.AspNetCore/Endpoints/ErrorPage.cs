using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// <c>GET {prefix}/error?reason=...</c>: a plain page that explains a sign-in failure. It shows only the
/// library's own text for known reasons, never text from the query string.
/// </summary>
internal sealed class ErrorPage
{
    private readonly IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> _options;

    public ErrorPage(IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> options)
    {
        _options = options;
    }

    public IResult Handle(HttpContext context)
    {
        var reasons = context.Request.Query["reason"];
        var reason = reasons.Count == 1 ? reasons[0] : null;
        var (title, explanation) = SignInErrorReasons.Describe(reason);
        var nextValues = context.Request.Query["next"];
        var next = nextValues.Count == 1 && LocalRedirect.IsLocal(nextValues[0]) ? nextValues[0] : null;
        var loginUrl = context.Request.PathBase.Add(new PathString(AuthPaths.Prefix(_options.CurrentValue) + AuthPaths.Login))
            .ToUriComponent() + (next is null ? string.Empty : "?next=" + Uri.EscapeDataString(next));
        var homeUrl = context.Request.PathBase.HasValue ? context.Request.PathBase.Value + "/" : "/";
        var encoder = HtmlEncoder.Default;

        // These users are still signed in, so offering a new sign-in would only confuse them.
        var offerSignIn = reason is not (SignInErrorReasons.SignOutRejected or SignInErrorReasons.Forbidden);
        var signInLink = offerSignIn
            ? $"<a class=\"button\" href=\"{encoder.Encode(loginUrl)}\">Sign in again</a>\n"
            : string.Empty;
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{encoder.Encode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
            a.button{display:inline-block;padding:.5rem 1rem;background:#0052cc;color:#fff;border-radius:4px;text-decoration:none}</style>
            </head>
            <body>
            <h1>{{encoder.Encode(title)}}</h1>
            <p id="explanation">{{encoder.Encode(explanation)}}</p>
            <p>{{signInLink}}<a href="{{encoder.Encode(homeUrl)}}">Home</a></p>
            </body>
            </html>
            """;
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
