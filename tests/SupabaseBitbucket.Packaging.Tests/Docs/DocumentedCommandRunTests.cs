using System.Net;
using System.Text.RegularExpressions;
using SupabaseBitbucket.Packaging.Tests.Infrastructure;

namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>
/// Runs the documented <c>dotnet run</c> commands verbatim from the repository root, as a reader would. They build
/// in the Debug configuration, so they run one at a time to keep their builds apart.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DocumentedCommandRunTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Test]
    public async Task WebSample_ServesSignIn()
    {
        using var sample = CommandRunner.Start(DocumentedCommands.RunWebSample, Repository.Root);
        var listening = await sample.WaitForLineAsync(line => line.Contains("in a browser and sign in", StringComparison.Ordinal), StartTimeout);
        var address = new Uri(Regex.Match(listening, @"Open (?<url>\S+) in a browser").Groups["url"].Value);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var home = await browser.GetStringAsync(address);
        using var login = await browser.GetAsync(new Uri(address, "/auth/login?next=%2Fprofile"));

        address.Should().Be(new Uri("http://localhost:5080"), "the README tells readers to open this address");
        home.Should().Contain("Sign in with Bitbucket");
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.AbsolutePath.Should().Be("/auth/v1/authorize");
        login.Headers.Location.Host.Should().Be("127.0.0.1", "the sample signs in against its own emulator");
    }

    [Test]
    public async Task Emulator_ListensOnDocumentedPort()
    {
        using var emulator = CommandRunner.Start(DocumentedCommands.RunEmulator, Repository.Root);
        await emulator.WaitForLineAsync(line => line.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal), StartTimeout);
        var key = Regex.Match(emulator.Output, @"Publishable key:\s+(?<key>\S+)").Groups["key"].Value;
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:54321/auth/v1/settings");
        request.Headers.Add("apikey", key);

        using var settings = await client.SendAsync(request);
        var body = await settings.Content.ReadAsStringAsync();

        emulator.Output.Should().Contain("Supabase URL:      http://127.0.0.1:54321");
        key.Should().StartWith("sb_publishable_");
        settings.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("\"bitbucket\":true");
    }

    [Test]
    public async Task EmulatorHelp_PrintsFlags()
    {
        var result = await CommandRunner.RunAsync(DocumentedCommands.RunEmulatorHelp, Repository.Root, StartTimeout);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("--port <number>");
        result.Output.Should().Contain("--auto-consent <username>");
    }

    [Test]
    public async Task ConsoleSample_AutoConsent_SignsInAndOut()
    {
        var result = await CommandRunner.RunAsync(DocumentedCommands.RunConsoleSampleAutoConsent, Repository.Root, StartTimeout);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Signed in as Alice Marlowe");
        result.Output.Should().Contain("Signed out.");
    }

    [Test]
    public async Task ConsoleSample_ConsentPage_SignsIn()
    {
        using var sample = CommandRunner.Start(DocumentedCommands.RunConsoleSample, Repository.Root);
        var urlLine = await sample.WaitForLineAsync(line => line.Contains("/auth/v1/authorize?", StringComparison.Ordinal), StartTimeout);
        using var browser = new HttpClient();

        using var callback = await ConsentForm.GrantAsync(browser, new Uri(urlLine.Trim()), "bob");
        var page = await callback.Content.ReadAsStringAsync();
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1));

        page.Should().Contain("You can close this tab");
        exitCode.Should().Be(0, sample.Output);
        sample.Output.Should().Contain("Signed in as Bob Tanaka");
        sample.Output.Should().Contain("The session stays active", "with no terminal for input the sample does not ask");
    }
}
