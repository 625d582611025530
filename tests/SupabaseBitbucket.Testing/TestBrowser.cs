using System.Net;

namespace SupabaseBitbucket.Testing;

/// <summary>
/// A browser without JavaScript: one cookie jar, redirects followed by hand so tests can stop at any step.
/// </summary>
public sealed class TestBrowser : IDisposable
{
    private readonly HttpClient _client;

    public TestBrowser(Uri appUrl)
    {
        AppUrl = appUrl;
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = Cookies,
            UseCookies = true,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Uri AppUrl { get; }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string relativeOrAbsolute) => GetAsync(Resolve(relativeOrAbsolute));

    public Task<HttpResponseMessage> GetAsync(Uri url) => _client.GetAsync(url);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    public Task<HttpResponseMessage> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        return _client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public Uri Resolve(string relativeOrAbsolute) => new(AppUrl, relativeOrAbsolute);

    /// <summary>Opens the login endpoint and returns the Supabase authorize URL it redirects to.</summary>
    public async Task<Uri> StartLoginAsync(string? next = null)
    {
        var path = next is null ? "/auth/login" : "/auth/login?next=" + Uri.EscapeDataString(next);
        using var response = await GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "login redirects to Supabase");
        return response.Headers.Location!;
    }

    /// <summary>Follows the authorize URL to the consent page and returns its address and HTML.</summary>
    public async Task<(Uri Url, string Html)> OpenConsentAsync(Uri authorizeUrl)
    {
        using var authorize = await GetAsync(authorizeUrl);
        authorize.StatusCode.Should().Be(HttpStatusCode.Found, "Supabase redirects to Bitbucket");
        var consentUrl = new Uri(authorizeUrl, authorize.Headers.Location!);
        using var consent = await GetAsync(consentUrl);
        consent.StatusCode.Should().Be(HttpStatusCode.OK, "Bitbucket shows its consent page");
        return (consentUrl, await consent.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Presses a consent button and follows Bitbucket's and Supabase's redirects up to the app's callback URL,
    /// which it returns without opening it.
    /// </summary>
    public async Task<Uri> SubmitConsentAsync((Uri Url, string Html) consent, string buttonText, string? account = null)
    {
        var form = HtmlForm.Parse(consent.Html);
        var action = new Uri(consent.Url, form.Action.Length == 0 ? consent.Url.PathAndQuery : form.Action);
        using var posted = await PostFormAsync(action, form.Submission(buttonText, account));
        var next = new Uri(action, posted.Headers.Location ?? throw new InvalidOperationException(
            $"Consent answered {(int)posted.StatusCode} without a redirect."));
        return await FollowToAppAsync(next);
    }

    /// <summary>
    /// Follows redirects from a URL outside the app, such as the authorize URL when the emulator grants without a
    /// consent page, up to the first URL of the app, which it returns without opening it.
    /// </summary>
    public async Task<Uri> FollowToAppAsync(Uri url)
    {
        var next = url;
        while (next.Authority != AppUrl.Authority)
        {
            using var hop = await GetAsync(next);
            next = new Uri(next, hop.Headers.Location ?? throw new InvalidOperationException(
                $"{next.AbsolutePath} answered {(int)hop.StatusCode} without a redirect."));
        }

        return next;
    }

    /// <summary>Opens a URL of the app and returns where it redirects to (relative to the app).</summary>
    public async Task<string> RedirectOfAsync(Uri url)
    {
        using var response = await GetAsync(url);
        ((int)response.StatusCode).Should().BeInRange(301, 303, "{0} should redirect", url.AbsolutePath);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Runs a whole sign-in and returns where the app sends the browser at the end.</summary>
    public async Task<string> SignInAsync(string account = "alice", string? next = null)
    {
        var authorizeUrl = await StartLoginAsync(next);
        var consent = await OpenConsentAsync(authorizeUrl);
        var callback = await SubmitConsentAsync(consent, "Grant access", account);
        return await RedirectOfAsync(callback);
    }

    /// <summary>Reads the antiforgery token from a page's sign-out form.</summary>
    public async Task<List<KeyValuePair<string, string>>> SignOutFormAsync(string page = "/")
    {
        using var response = await GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        return HtmlForm.Parse(html).Fields;
    }

    public void Dispose() => _client.Dispose();
}
