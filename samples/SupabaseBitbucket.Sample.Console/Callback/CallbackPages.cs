using System.Net;

namespace SupabaseBitbucket.Sample.Console.Callback;

/// <summary>The small pages the browser shows after it comes back to the sample.</summary>
internal static class CallbackPages
{
    public static string Success() => Page(
        "Signed in",
        "You are signed in to the terminal app. You can close this tab and return to the terminal.");

    /// <summary>Explains a failed sign-in; the text from the query is HTML-encoded.</summary>
    public static string Failure(CallbackResult result) => Page(
        "Sign-in failed",
        "The sign-in did not complete: " + result.DescribeError() + ". Return to the terminal and try again.");

    public static string NotFound() => Page("Not found", "This address only receives the sign-in callback.");

    private static string Page(string title, string message)
    {
        var encodedTitle = WebUtility.HtmlEncode(title);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{{encodedTitle}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style>
            </head>
            <body><h1>{{encodedTitle}}</h1><p>{{WebUtility.HtmlEncode(message)}}</p></body>
            </html>
            """;
    }
}
