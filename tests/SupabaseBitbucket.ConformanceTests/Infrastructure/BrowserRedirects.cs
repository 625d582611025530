namespace SupabaseBitbucket.ConformanceTests.Infrastructure;

/// <summary>
/// Follows a sign-in's redirects one at a time, as a browser would, and stops at the redirect to the app's
/// callback without requesting it.
/// </summary>
internal static class BrowserRedirects
{
    private const int MaxRedirects = 10;

    private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>Returns the <c>code</c> query parameter of the final redirect to <paramref name="redirectTo"/>.</summary>
    public static async Task<string> FollowToCodeAsync(Uri authorizeUrl, string redirectTo)
    {
        var url = authorizeUrl;
        for (var i = 0; i < MaxRedirects; i++)
        {
            using var response = await Client.GetAsync(url);
            var location = response.Headers.Location;
            if ((int)response.StatusCode is < 300 or > 399 || location is null)
            {
                Assert.Fail($"Expected a redirect from {url.GetLeftPart(UriPartial.Path)} but got HTTP {(int)response.StatusCode}.");
            }

            var next = new Uri(url, location!);
            if (next.AbsoluteUri.StartsWith(redirectTo, StringComparison.Ordinal))
            {
                var code = QueryValue(next, "code");
                return code ?? throw new AssertionException($"The sign-in ended at {next} without a code.");
            }

            url = next;
        }

        throw new AssertionException($"No redirect to {redirectTo} within {MaxRedirects} redirects.");
    }

    private static string? QueryValue(Uri url, string name)
    {
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? pair : pair[..separator];
            if (Uri.UnescapeDataString(key) == name)
            {
                return separator < 0 ? string.Empty : Uri.UnescapeDataString(pair[(separator + 1)..]);
            }
        }

        return null;
    }
}
