using SupabaseBitbucket.Emulator.CommandLine;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.CommandLine;

public class EmulatorCommandLineTests
{
    [Test]
    public void Parse_NoArguments_UsesLocalSupabasePort()
    {
        var result = EmulatorCommandLine.Parse([]);

        result.Error.Should().BeNull();
        result.Options!.Port.Should().Be(54321);
        result.Options.SiteUrl.Should().BeNull();
        result.Options.AutoConsent.Should().BeNull();
    }

    [Test]
    public void Parse_EveryOption_SetsOptions()
    {
        var result = EmulatorCommandLine.Parse(
        [
            "--port", "0", "--site-url", "http://localhost:5000", "--redirect-allow-list",
            "http://localhost:*/**, https://*.example.org/**", "--auto-consent", "bob",
        ]);

        result.Error.Should().BeNull();
        result.Options!.Port.Should().Be(0);
        result.Options.SiteUrl.Should().Be("http://localhost:5000");
        result.Options.RedirectAllowList.Should().Equal("http://localhost:*/**", "https://*.example.org/**");
        result.Options.AutoConsent.Should().Be("bob");
    }

    [Test]
    public void Parse_EqualsSyntax_SetsOptions()
    {
        var result = EmulatorCommandLine.Parse(["--port=8080", "--auto-consent=first"]);

        result.Options!.Port.Should().Be(8080);
        result.Options.AutoConsent.Should().Be("first");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Parse_Help_RequestsUsage(string flag)
    {
        var result = EmulatorCommandLine.Parse(["--port", "1", flag]);

        result.ShowHelp.Should().BeTrue();
        result.Options.Should().BeNull();
    }

    [TestCase(new[] { "--verbose" }, "Unknown option '--verbose'.")]
    [TestCase(new[] { "54321" }, "Unknown option '54321'.")]
    [TestCase(new[] { "--port" }, "Option --port needs a value.")]
    [TestCase(new[] { "--port", "--site-url", "http://x" }, "Option --port needs a value.")]
    [TestCase(new[] { "--port", "70000" },
        "Option --port has the invalid value '70000': use a number from 0 to 65535.")]
    [TestCase(new[] { "--port", "-1" }, "Option --port has the invalid value '-1': use a number from 0 to 65535.")]
    [TestCase(new[] { "--port", "abc" }, "Option --port has the invalid value 'abc': use a number from 0 to 65535.")]
    [TestCase(new[] { "--site-url", "not a url" },
        "Option --site-url has the invalid value 'not a url': use an absolute http or https URL.")]
    [TestCase(new[] { "--site-url", "ftp://files.example.org" },
        "Option --site-url has the invalid value 'ftp://files.example.org': use an absolute http or https URL.")]
    [TestCase(new[] { "--port", "1", "--port", "2" }, "Option --port is given more than once; give it once.")]
    [TestCase(new[] { "--auto-consent=" }, "Option --auto-consent needs a value.")]
    public void Parse_BadArguments_ReturnsError(string[] args, string error)
    {
        var result = EmulatorCommandLine.Parse(args);

        result.Options.Should().BeNull();
        result.ShowHelp.Should().BeFalse();
        result.Error.Should().Be(error);
    }

    [Test]
    public void Parse_BadGlob_ReturnsError()
    {
        var result = EmulatorCommandLine.Parse(["--redirect-allow-list", "https://[a-z.example.org/"]);

        result.Error.Should().StartWith("Option --redirect-allow-list has an invalid entry:");
        result.Error.Should().Contain("https://[a-z.example.org/");
    }

    [Test]
    public async Task Main_BadOption_ExitsWithTwo()
    {
        var exitCode = await Program.Main(["--no-such-option"]);

        exitCode.Should().Be(2);
    }

    [Test]
    public async Task Main_UnknownAutoConsentAccount_ExitsWithTwo()
    {
        var exitCode = await Program.Main(["--port", "0", "--auto-consent", "nobody"]);

        exitCode.Should().Be(2);
    }

    [Test]
    public async Task Main_PortInUse_ExitsWithOne()
    {
        await using var running = await SupabaseAuthEmulator.StartAsync();
        var port = running.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var exitCode = await Program.Main(["--port", port]);

        exitCode.Should().Be(1);
    }

    [Test]
    public async Task Main_Help_ExitsWithZero()
    {
        var exitCode = await Program.Main(["--help"]);

        exitCode.Should().Be(0);
    }

    [Test]
    public void FormatUsage_CommandName_StartsUsageLine()
    {
        var usage = EmulatorCommandLine.FormatUsage("supabase-bitbucket-emulator");

        usage.Should().StartWith("Usage: supabase-bitbucket-emulator [options]");
        usage.Should().Contain("--auto-consent <username>");
    }

    [Test]
    public void FormatUsage_Always_ListsExitCodes()
    {
        var usage = EmulatorCommandLine.FormatUsage("emulator");

        usage.Should().Contain("Exit codes:");
        usage.Should().Contain("0  stopped by Ctrl+C or SIGTERM, or --help");
        usage.Should().Contain("1  could not listen");
        usage.Should().Contain("2  invalid option");
    }

    [Test]
    public async Task Program_Help_ShowsRepositoryName()
    {
        var run = await ProgramProcess.RunAsync("SupabaseBitbucket.Emulator.dll", "--help");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().StartWith("Usage: SupabaseBitbucket.Emulator [options]");
    }

    [Test]
    public async Task Tool_Help_ShowsToolCommandName()
    {
        var run = await ProgramProcess.RunAsync("SupabaseBitbucket.Emulator.Tool.dll", "--help");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().StartWith("Usage: supabase-bitbucket-emulator [options]");
        run.Output.Should().Contain("Exit codes:");
    }

    [Test]
    public async Task Program_PortInUse_PrintsOneLine()
    {
        await using var running = await SupabaseAuthEmulator.StartAsync();
        var port = running.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await ProgramProcess.RunAsync("SupabaseBitbucket.Emulator.dll", "--port", port);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be(
            $"The emulator could not listen: Failed to bind to address http://127.0.0.1:{port}: address already in use."
            + Environment.NewLine);
        run.Output.Should().NotContain("Hosting failed to start");
        run.Output.Should().NotContain("   at ", "no stack trace belongs on the console");
    }

    [Test]
    public async Task StartupBanner_Running_ListsUrlsKeysAccounts()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync();

        var banner = StartupBanner.Format(emulator, "http://127.0.0.1:3000");

        var url = emulator.Url.GetLeftPart(UriPartial.Authority);
        banner.Should().Contain("Supabase URL:      " + url);
        banner.Should().Contain("Auth API:          " + url + "/auth/v1");
        banner.Should().Contain(emulator.PublishableKey);
        banner.Should().Contain(emulator.JwtSecret);
        banner.Should().Contain("alice      Alice Marlowe <alice@example.com (primary)>");
        banner.Should().Contain("no-email   Nora Quill <no email>");
    }
}
