using Microsoft.Playwright;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// Resolves URLs with the URL parser of Debian's Chromium, driven by Playwright, so a redirect target is judged
/// the way a browser follows it rather than the way .NET parses it.
/// </summary>
internal sealed class ChromiumUrls : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;

    private ChromiumUrls(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
    }

    /// <summary>Starts Chromium, or returns <see langword="null"/> when it is not installed.</summary>
    public static async Task<ChromiumUrls?> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return null;
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        return new ChromiumUrls(playwright, browser, await browser.NewPageAsync());
    }

    /// <summary>Returns <c>new URL(location, baseUrl).href</c> as Chromium computes it, or null when it throws.</summary>
    public Task<string?> ResolveAsync(string location, Uri baseUrl) => _page.EvaluateAsync<string?>(
        "([location, base]) => { try { return new URL(location, base).href; } catch { return null; } }",
        new[] { location, baseUrl.AbsoluteUri });

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
