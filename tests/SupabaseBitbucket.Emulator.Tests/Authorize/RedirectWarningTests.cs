using Microsoft.Extensions.Logging;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Authorize;

/// <summary>
/// The warning that names a rejected <c>redirect_to</c>, since the sign-in then ends at another URL without an error.
/// </summary>
public class RedirectWarningTests
{
    [Test]
    public async Task Authorize_LocalhostRedirect_LogsWarning()
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await StartAsync(provider);

        await emulator.AuthorizeAsync("http://localhost:5000/auth/callback");

        var warning = provider.Entries.Should().ContainSingle(entry => entry.EventName == "RedirectRejected").Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Line.Should().Contain("redirect_to http://localhost:5000/auth/callback is not allowed");
        warning.Line.Should().Contain("Site URL http://127.0.0.1:3000");
        warning.Line.Should().Contain("will end at http://127.0.0.1:3000");
        warning.Line.Should().Contain("--redirect-allow-list 'http://localhost:*/**'");
        warning.Line.Should().Contain("--site-url");
    }

    [Test]
    public async Task Authorize_LongRedirect_LogsTruncatedValue()
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await StartAsync(provider);
        var redirectTo = "http://localhost:5000/" + new string('a', 500);

        await emulator.AuthorizeAsync(redirectTo);

        var warning = provider.Entries.Should().ContainSingle(entry => entry.EventName == "RedirectRejected").Subject;
        warning.Line.Should().Contain(redirectTo[..Log.MaxValueLength] + "...[truncated, 522 characters]");
        warning.Line.Should().NotContain(redirectTo);
    }

    [TestCase("http://127.0.0.1:5000/auth/callback")]
    [TestCase("http://127.0.0.1:3000/home")]
    public async Task Authorize_AllowedRedirect_LogsNoWarning(string redirectTo)
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await StartAsync(provider);

        await emulator.AuthorizeAsync(redirectTo);

        provider.Entries.Should().NotContain(entry => entry.EventName == "RedirectRejected");
    }

    [Test]
    public async Task Authorize_RedirectOnAllowList_LogsNoWarning()
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await StartAsync(provider, "http://localhost:*/**");

        await emulator.AuthorizeAsync("http://localhost:5000/auth/callback");

        provider.Entries.Should().NotContain(entry => entry.EventName == "RedirectRejected");
    }

    [Test]
    public async Task Authorize_NoRedirect_LogsNoWarning()
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await StartAsync(provider);

        using var response = await emulator.GetAsync("auth/v1/authorize?provider=bitbucket");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Found);
        provider.Entries.Should().NotContain(entry => entry.EventName == "RedirectRejected");
    }

    private static Task<TestEmulator> StartAsync(RecordingLoggerProvider provider, params string[] allowList) =>
        TestEmulator.StartAsync(options =>
        {
            options.ConfigureLogging = logging => logging.AddProvider(provider);
            foreach (var glob in allowList)
            {
                options.RedirectAllowList.Add(glob);
            }
        });
}
