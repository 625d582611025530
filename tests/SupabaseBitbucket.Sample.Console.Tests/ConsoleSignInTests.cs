using System.Net;
using System.Text.RegularExpressions;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.Sample.Console.Tests;

/// <summary>
/// Signs in with the built console sample as a child process: against the emulator it starts itself, and against
/// an emulator started by the test, as a separately started emulator would be.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class ConsoleSignInTests
{
    [Test]
    public async Task OwnEmulator_SignsInAndOut()
    {
        using var sample = SampleProcess.Start(["--auto-consent", "alice", "--sign-out"]);

        var exitCode = await sample.WaitForExitAsync();

        exitCode.Should().Be(0, sample.Error);
        sample.Output.Should().Contain("sign-in runs against the emulator");
        sample.Output.Should().Contain("Signed in as Alice Marlowe");
        sample.Output.Should().Contain("Email:      alice@example.com");
        sample.Output.Should().MatchRegex(@"User id:    [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        sample.Output.Should().Contain("Provider:   bitbucket");
        sample.Output.Should().MatchRegex(@"Expires at: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z \(in 5\d minutes\)");
        sample.Output.Should().Contain("Signed out.");
        sample.Error.Should().BeEmpty();
    }

    [Test]
    public async Task SeparateEmulator_SignsInAndOut()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync(new SupabaseAuthEmulatorOptions { AutoConsent = "bob" });
        using var sample = SampleProcess.Start(
        [
            "--supabase-url", emulator.Url.AbsoluteUri, "--publishable-key", emulator.PublishableKey,
            "--no-browser", "--sign-out",
        ]);

        var signInUrl = await sample.WaitForSignInUrlAsync();
        using var browser = new HttpClient();
        using var callbackPage = await browser.GetAsync(signInUrl);
        var page = await callbackPage.Content.ReadAsStringAsync();
        var exitCode = await sample.WaitForExitAsync();

        callbackPage.RequestMessage!.RequestUri!.Host.Should().Be("127.0.0.1");
        callbackPage.RequestMessage.RequestUri.AbsolutePath.Should().Be("/callback");
        page.Should().Contain("You can close this tab");
        exitCode.Should().Be(0, sample.Error);
        sample.Output.Should().Contain("Signed in as Bob Tanaka");
        sample.Output.Should().Contain("Email:      bob@example.com");
        sample.Output.Should().Contain("Signed out.");
        sample.Output.Should().NotContain("sign-in runs against the emulator");
        emulator.ActiveSessionIds.Should().BeEmpty();
    }

    [Test]
    public async Task EnvironmentVariables_WithoutSignOut_KeepSession()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync(new SupabaseAuthEmulatorOptions { AutoConsent = "alice" });
        using var sample = SampleProcess.Start(
            ["--no-browser"],
            new Dictionary<string, string>
            {
                ["Supabase__Url"] = emulator.Url.AbsoluteUri,
                ["Supabase__PublishableKey"] = emulator.PublishableKey,
            });

        var signInUrl = await sample.WaitForSignInUrlAsync();
        using var browser = new HttpClient();
        using var callbackPage = await browser.GetAsync(signInUrl);
        var exitCode = await sample.WaitForExitAsync();

        exitCode.Should().Be(0, sample.Error);
        sample.Output.Should().Contain("Signed in as Alice Marlowe");
        sample.Output.Should().Contain("pass --sign-out to end it");
        sample.Output.Should().NotContain("Signed out.");
        emulator.ActiveSessionIds.Should().HaveCount(1);
    }

    [Test]
    public async Task Output_NeverContainsTokensOrCode()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync(new SupabaseAuthEmulatorOptions { AutoConsent = "alice" });
        using var sample = SampleProcess.Start(
        [
            "--supabase-url", emulator.Url.AbsoluteUri, "--publishable-key", emulator.PublishableKey, "--no-browser",
            "--sign-out",
        ]);

        var signInUrl = await sample.WaitForSignInUrlAsync();
        using var browser = new HttpClient();
        using var callbackPage = await browser.GetAsync(signInUrl);
        var code = Regex.Match(callbackPage.RequestMessage!.RequestUri!.Query, "code=([^&]+)").Groups[1].Value;
        var exitCode = await sample.WaitForExitAsync();

        exitCode.Should().Be(0, sample.Error);
        code.Should().NotBeEmpty();
        sample.Output.Should().NotContain(code);
        sample.Output.Should().NotContain("eyJ", "an access token is a JWT, whose header starts with eyJ");
        sample.Output.Should().NotContain(emulator.PublishableKey);
        sample.Error.Should().BeEmpty();
    }

    [Test]
    public async Task AccountWithoutEmail_ExplainsMissingEmail()
    {
        using var sample = SampleProcess.Start(["--auto-consent", "no-email"]);

        var exitCode = await sample.WaitForExitAsync();

        exitCode.Should().Be(1);
        var lines = sample.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal(
            "Sign-in failed: your Bitbucket account has no email address. Add and confirm one in Bitbucket's "
                + "personal settings, then sign in again.",
            "  Details: server_error (unexpected_failure): Error getting user email from external provider");
        sample.Output.Should().NotContain("Signed in as");
    }

    [Test]
    public async Task ConsentCancelled_ExplainsCancel()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync();
        using var sample = SampleProcess.Start(
        [
            "--supabase-url", emulator.Url.AbsoluteUri, "--publishable-key", emulator.PublishableKey, "--no-browser",
        ]);

        var signInUrl = await sample.WaitForSignInUrlAsync();
        using var browser = new HttpClient();
        using var consentPage = await browser.GetAsync(signInUrl);
        var fields = HiddenFields().Matches(await consentPage.Content.ReadAsStringAsync()).ToDictionary(
            match => WebUtility.HtmlDecode(match.Groups[1].Value),
            match => WebUtility.HtmlDecode(match.Groups[2].Value));
        fields["action"] = "cancel";
        using var form = new FormUrlEncodedContent(fields);
        using var callbackPage = await browser.PostAsync(consentPage.RequestMessage!.RequestUri, form);
        var exitCode = await sample.WaitForExitAsync();

        callbackPage.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/callback");
        exitCode.Should().Be(1);
        var lines = sample.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal(
            "Sign-in cancelled: you cancelled it on Bitbucket's consent page. Run the sample again to sign in.",
            "  Details: access_denied: The resource owner denied the request.");
        sample.Output.Should().NotContain("Signed in as");
    }

    [Test]
    public async Task NoBrowserReturn_TimesOut()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync();
        using var sample = SampleProcess.Start(
        [
            "--supabase-url", emulator.Url.AbsoluteUri, "--publishable-key", emulator.PublishableKey,
            "--no-browser", "--timeout", "1",
        ]);

        var exitCode = await sample.WaitForExitAsync();

        exitCode.Should().Be(1);
        sample.Output.Should().Contain("Waiting for the browser to return");
        sample.Error.Should().Contain("Sign-in timed out: the browser did not return within 1 seconds.");
    }

    [TestCase(new[] { "--bogus" }, "Unknown option '--bogus'.")]
    [TestCase(new[] { "--timeout", "0" }, "Option --timeout has the invalid value '0'")]
    [TestCase(new[] { "--auto-consent", "zed" }, "AutoConsent 'zed' names no account")]
    [TestCase(new[] { "--auto-consent", "alice", "--supabase-url", "https://abcdefghijklmnop.supabase.co" },
        "--auto-consent works only with the emulator that this sample starts")]
    [TestCase(new[] { "--supabase-url", "http://203.0.113.7", "--publishable-key", "sb_publishable_x" },
        "The Supabase settings are invalid")]
    public async Task InvalidUsage_ExitsWithTwo(string[] args, string expectedError)
    {
        using var sample = SampleProcess.Start(args);

        var exitCode = await sample.WaitForExitAsync();

        exitCode.Should().Be(2);
        sample.Error.Should().Contain(expectedError);
        sample.Output.Should().NotContain("Signed in as");
    }

    [Test]
    public async Task Help_PrintsUsage()
    {
        using var sample = SampleProcess.Start(["--help"]);

        var exitCode = await sample.WaitForExitAsync();

        exitCode.Should().Be(0);
        sample.Output.Should().Contain("Usage: supabase-bitbucket-signin [options]");
        sample.Output.Should().Contain("--auto-consent <username>");
    }

    // The hidden inputs of the emulated consent form, which a browser posts back with the chosen action.
    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenFields();
}
