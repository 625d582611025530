using Microsoft.Playwright;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.AspNetCore.Tests.Browser;

/// <summary>
/// Signs in through the sample in Debian's Chromium, driven by Playwright, as a person would.
/// </summary>
[NonParallelizable]
public class BrowserSignInTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private TestApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"Chromium is not installed at {ChromiumPath}; install Debian's chromium package "
                + "(.ci/run does) to run the browser tests.");
        }

        _app = await TestApp.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseUrl.AbsoluteUri });
        _page = await _context.NewPageAsync();
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var name = string.Concat(TestContext.CurrentContext.Test.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-'));
        var path = Path.Combine(directory, name + ".png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path);
        await _context.CloseAsync();
    }

    [Test]
    public async Task SignIn_FromHomeButton_ShowsProfile()
    {
        await _page.GotoAsync("/");

        await _page.ClickAsync("#sign-in");
        await GrantAsync("alice");

        new Uri(_page.Url).AbsolutePath.Should().Be("/profile");
        var alice = _app.Emulator.Accounts.Single(a => a.Username == "alice");
        (await _page.TextContentAsync("#email")).Should().Be(alice.Emails.Single(e => e.IsPrimary).Email);
        (await _page.TextContentAsync("#bitbucket-uuid")).Should().Be(alice.Uuid);
    }

    [Test]
    public async Task SignOut_AfterSignIn_ShowsSignInButton()
    {
        await _page.GotoAsync("/auth/login");
        await GrantAsync("bob");

        await _page.ClickAsync("#sign-out");

        new Uri(_page.Url).AbsolutePath.Should().Be("/");
        (await _page.IsVisibleAsync("#sign-in")).Should().BeTrue();
        (await _context.CookiesAsync()).Should().NotContain(c => c.Name.StartsWith(".SupabaseBitbucket.Session", StringComparison.Ordinal));
    }

    [Test]
    public async Task Cancel_AtConsent_ShowsCancelledReason()
    {
        await _page.GotoAsync("/auth/login");

        await _page.ClickAsync("button:has-text('Cancel')");

        new Uri(_page.Url).PathAndQuery.Should().Be("/auth/error?reason=cancelled");
        (await _page.TextContentAsync("h1")).Should().Be("Sign-in cancelled");
    }

    [Test]
    public async Task SignIn_AccountWithoutEmail_ShowsNoEmailReason()
    {
        await _page.GotoAsync("/auth/login");

        await GrantAsync("no-email");

        new Uri(_page.Url).PathAndQuery.Should().Be("/auth/error?reason=no_email");
        (await _page.TextContentAsync("h1")).Should().Contain("no email address");
    }

    [Test]
    public async Task SignIn_FromProtectedPage_ReturnsToProfile()
    {
        await _page.GotoAsync("/profile");

        await GrantAsync("alice");

        new Uri(_page.Url).AbsolutePath.Should().Be("/profile");
    }

    [TestCase("//evil.example/")]
    [TestCase("/\\evil.example")]
    [TestCase("https://evil.example/")]
    public async Task SignIn_HostileNext_LandsOnHome(string next)
    {
        await _page.GotoAsync("/auth/login?next=" + Uri.EscapeDataString(next));

        await GrantAsync("alice");

        var url = new Uri(_page.Url);
        url.Authority.Should().Be(_app.BaseUrl.Authority);
        url.AbsolutePath.Should().Be("/");
        (await _page.TextContentAsync("h1")).Should().Be("Signed in");
    }

    private async Task GrantAsync(string account)
    {
        await _page.CheckAsync($"input[type=radio][value='{account}']");
        await _page.ClickAsync("button:has-text('Grant access')");
        await _page.WaitForLoadStateAsync(LoadState.Load);
    }
}
