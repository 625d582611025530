using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.DependencyInjection;

/// <summary>
/// The service takes an <see cref="HttpClient"/> from the factory once per handler lifetime, not once per call,
/// and builds its URLs once per options value.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientReuseTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(AuthTestHost.Now);
    private readonly RecordingHandler _handler = new();
    private int _clientsCreated;

    [Test]
    public async Task ManyCalls_WithinQuarterLifetime_CreateOneHttpClient()
    {
        using var provider = Build();
        var service = provider.GetRequiredService<ISignInService>();

        // The default handler lifetime is two minutes, so the client is kept for 30 seconds.
        for (var i = 0; i < 5; i++)
        {
            await service.SignOutAsync(SampleResponses.AccessToken);
            _time.Advance(TimeSpan.FromSeconds(7));
        }

        _clientsCreated.Should().Be(1);
        _handler.Requests.Should().HaveCount(5);
    }

    [Test]
    public async Task CallAfterQuarterLifetime_TakesNewHttpClient()
    {
        using var provider = Build(TimeSpan.FromMinutes(4));
        var service = provider.GetRequiredService<ISignInService>();
        await service.SignOutAsync(SampleResponses.AccessToken);

        _time.Advance(TimeSpan.FromSeconds(59));
        await service.SignOutAsync(SampleResponses.AccessToken);
        _clientsCreated.Should().Be(1);

        _time.Advance(TimeSpan.FromSeconds(1));
        await service.SignOutAsync(SampleResponses.AccessToken);
        await service.SignOutAsync(SampleResponses.AccessToken);
        _clientsCreated.Should().Be(2);
    }

    [Test]
    public async Task WallClockSetBack_StillRenewsOnElapsedTime()
    {
        var clock = new BackwardWallClock();
        using var provider = Build(time: clock);
        var service = provider.GetRequiredService<ISignInService>();

        for (var i = 0; i < 3; i++)
        {
            await service.SignOutAsync(SampleResponses.AccessToken);
            clock.Elapse(TimeSpan.FromMinutes(1));
        }

        _clientsCreated.Should().Be(3, "each call comes a minute after the last, past the 30-second renewal");
    }

    [Test]
    public async Task InfiniteHandlerLifetime_KeepsOneHttpClient()
    {
        using var provider = Build(Timeout.InfiniteTimeSpan);
        var service = provider.GetRequiredService<ISignInService>();
        await service.SignOutAsync(SampleResponses.AccessToken);

        _time.Advance(TimeSpan.FromDays(400));
        await service.SignOutAsync(SampleResponses.AccessToken);

        _clientsCreated.Should().Be(1);
    }

    [Test]
    public async Task ParallelCalls_AllComplete()
    {
        using var provider = Build();
        var service = provider.GetRequiredService<ISignInService>();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => service.SignOutAsync(SampleResponses.AccessToken))));

        _handler.Requests.Should().HaveCount(64);
        _clientsCreated.Should().BeInRange(1, 64, "racing calls may each take a client once, and one of them is kept");
    }

    [Test]
    public async Task OptionsReload_NewUrlAndKey_UsedByNextCalls()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Supabase:Url"] = AuthTestHost.ProjectUrl,
                ["Supabase:PublishableKey"] = AuthTestHost.ApiKey,
                ["Supabase:RedirectTo"] = "https://app.example.com/auth/callback",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSupabaseBitbucket(configuration.GetSection("Supabase"))
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => _handler);
        _handler.RespondWith(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ISignInService>();
        service.SignInWithBitbucket().Url.Host.Should().Be("abcdefghijklmnop.supabase.co");

        configuration["Supabase:Url"] = "https://qrstuvwxyzabcdef.supabase.co";
        configuration["Supabase:PublishableKey"] = "sb_publishable_RotatedKey0123";
        configuration["Supabase:RedirectTo"] = "https://new.example.com/auth/callback";
        configuration.Reload();
        var signIn = service.SignInWithBitbucket();
        await service.SignOutAsync(SampleResponses.AccessToken);

        signIn.Url.Host.Should().Be("qrstuvwxyzabcdef.supabase.co");
        signIn.Url.Query.Should().Contain("redirect_to=https%3A%2F%2Fnew.example.com%2Fauth%2Fcallback&");
        var request = _handler.Requests.Should().ContainSingle().Subject;
        request.Url.Should().Be(new Uri("https://qrstuvwxyzabcdef.supabase.co/auth/v1/logout?scope=global"));
        request.Header("apikey").Should().Be("sb_publishable_RotatedKey0123");
    }

    [Test]
    public async Task OptionsChangedInPlace_NewUrlUsedByNextCalls()
    {
        using var provider = Build();
        var service = provider.GetRequiredService<ISignInService>();
        service.SignInWithBitbucket().Url.Host.Should().Be("abcdefghijklmnop.supabase.co");

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SupabaseBitbucketOptions>>().CurrentValue;
        options.Url = "https://qrstuvwxyzabcdef.supabase.co";
        options.RedirectTo = "https://new.example.com/auth/callback";
        var signIn = service.SignInWithBitbucket();
        await service.SignOutAsync(SampleResponses.AccessToken);

        signIn.Url.Host.Should().Be("qrstuvwxyzabcdef.supabase.co");
        signIn.Url.Query.Should().Contain("redirect_to=https%3A%2F%2Fnew.example.com%2Fauth%2Fcallback&");
        _handler.Requests.Should().ContainSingle().Which.Url.Host.Should().Be("qrstuvwxyzabcdef.supabase.co");
    }

    public void Dispose() => _handler.Dispose();

    private ServiceProvider Build(TimeSpan? handlerLifetime = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? _time);
        var builder = services.AddSupabaseBitbucket(options =>
            {
                options.Url = AuthTestHost.ProjectUrl;
                options.PublishableKey = AuthTestHost.ApiKey;
            })
            .HttpClientBuilder
            .ConfigurePrimaryHttpMessageHandler(() => _handler)
            .ConfigureHttpClient(_ => Interlocked.Increment(ref _clientsCreated));
        if (handlerLifetime is { } lifetime)
        {
            builder.SetHandlerLifetime(lifetime);
        }

        _handler.RespondWith(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        return services.BuildServiceProvider();
    }

    /// <summary>A clock whose wall time runs backwards while its timestamps move forwards.</summary>
    private sealed class BackwardWallClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => AuthTestHost.Now - TimeSpan.FromTicks(_ticks);

        public void Elapse(TimeSpan time) => _ticks += time.Ticks;
    }
}
