using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Hosting;

public class EmulatorLifecycleTests
{
    [Test]
    public async Task StartAsync_DefaultPort_ListensOnLoopback()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync();

        emulator.Url.Host.Should().Be("127.0.0.1");
        emulator.Url.Port.Should().BePositive();
        emulator.Url.AbsolutePath.Should().Be("/");
        var authority = emulator.Url.GetLeftPart(UriPartial.Authority);
        emulator.BitbucketApiUrl.ToString().Should().Be(authority + "/bitbucket/2.0");
    }

    [Test]
    public async Task StartAsync_FixedPort_ListensThere()
    {
        var port = FreePort();

        var options = new SupabaseAuthEmulatorOptions { Port = port };

        await using var emulator = await SupabaseAuthEmulator.StartAsync(options);

        emulator.Url.Should().Be(new Uri($"http://127.0.0.1:{port}"));
    }

    [Test]
    public async Task StartAsync_PortInUse_ThrowsIOException()
    {
        await using var first = await SupabaseAuthEmulator.StartAsync();

        var start = () => SupabaseAuthEmulator.StartAsync(new SupabaseAuthEmulatorOptions { Port = first.Url.Port });

        await start.Should().ThrowAsync<IOException>();
    }

    [Test]
    public async Task StopAsync_CalledTwice_StopsServer()
    {
        var emulator = await SupabaseAuthEmulator.StartAsync();
        using var client = new HttpClient { BaseAddress = emulator.Url };

        await emulator.StopAsync();
        await emulator.StopAsync();
        await emulator.DisposeAsync();
        var call = () => client.GetAsync("/");

        await call.Should().ThrowAsync<HttpRequestException>();
    }

    [Test]
    public async Task AddAccount_WhileRunning_CanSignIn()
    {
        await using var emulator = await TestEmulator.StartAsync();

        emulator.Server.AddAccount(new EmulatorAccount("load-user-1", "Load User 1")
        {
            Emails = [new EmulatorEmail("load-user-1@example.com", isPrimary: true)],
        });
        var session = await emulator.SignInSessionAsync("load-user-1");

        emulator.Server.Accounts.Should().HaveCount(4);
        session.GetProperty("user").Text("email").Should().Be("load-user-1@example.com");
    }

    [Test]
    public async Task AddAccount_ExistingUsername_Throws()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync();

        var add = () => emulator.AddAccount(new EmulatorAccount("bob", "Second Bob"));

        add.Should().Throw<ArgumentException>();
        emulator.Accounts.Should().HaveCount(3);
    }

    [Test]
    public async Task JwtSecret_Default_IsRandomAndLong()
    {
        await using var first = await SupabaseAuthEmulator.StartAsync();
        await using var second = await SupabaseAuthEmulator.StartAsync();

        first.JwtSecret.Length.Should().BeGreaterThanOrEqualTo(32);
        first.JwtSecret.Should().NotBe(second.JwtSecret);
        first.PublishableKey.Should().NotBe(second.PublishableKey);
    }

    [Test]
    public async Task Logging_Configured_RecordsRequestsWithoutSecrets()
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await TestEmulator.StartAsync(options =>
            options.ConfigureLogging = logging => logging.AddProvider(provider));

        var session = await emulator.SignInSessionAsync();

        var lines = provider.Lines;
        lines.Should().Contain(line => line.Contains("Supabase Auth emulator started at", StringComparison.Ordinal));
        lines.Should().Contain(line => line.Contains("POST /auth/v1/token returned 200", StringComparison.Ordinal));
        var code = Query.Parse((await emulator.SignInAsync()).Query)["code"];
        var secrets = new[]
        {
            session.Text("access_token"), session.Text("refresh_token"), session.Text("provider_token"),
            Pkce.Verifier, Pkce.Challenge, emulator.Server.PublishableKey, emulator.Server.JwtSecret, code,
        };
        provider.Lines.Should().NotContain(
            line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
