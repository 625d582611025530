using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>
/// A real service provider with <c>AddSupabaseBitbucket</c>, a <see cref="RecordingHandler"/> as the primary
/// HTTP handler, a <see cref="FakeTimeProvider"/> and captured logs at every level.
/// </summary>
internal sealed class AuthTestHost : IDisposable
{
    public const string ProjectUrl = "https://abcdefghijklmnop.supabase.co";
    public const string ApiKey = "sb_publishable_TestKey0123456789";

    /// <summary>2026-01-15T12:00:00Z, the start of <see cref="Time"/>.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public AuthTestHost(Action<SupabaseBitbucketOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services
            .AddSupabaseBitbucket(options =>
            {
                options.Url = ProjectUrl;
                options.PublishableKey = ApiKey;
                configure?.Invoke(options);
            })
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => Handler);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        });
        Service = _provider.GetRequiredService<ISignInService>();
    }

    public RecordingHandler Handler { get; } = new();

    public FakeTimeProvider Time { get; } = new(Now);

    public ISignInService Service { get; }

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public RecordedRequest SingleRequest => Handler.Requests.Should().ContainSingle().Subject;

    public void Dispose() => _provider.Dispose();
}
