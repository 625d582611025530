using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.DependencyInjection;

public class HttpClientRegistrationTests
{
    [Test]
    public async Task AddSupabaseBitbucket_CalledTwice_SendsThroughHandlersOnce()
    {
        var services = new ServiceCollection();
        var recording = new RecordingHandler();
        var counting = new CountingHandler();
        var first = services.AddSupabaseBitbucket(Configure);
        var second = services.AddSupabaseBitbucket(Configure);
        first.HttpClientBuilder.AddHttpMessageHandler(() => counting);
        second.HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => recording);
        var service = services.BuildServiceProvider().GetRequiredService<ISignInService>();

        await service.SignOutAsync(SampleResponses.AccessToken);

        recording.Requests.Should().ContainSingle();
        counting.Calls.Should().Be(1);
    }

    [Test]
    public void AddSupabaseBitbucket_CalledTwice_AddsNoClientRegistrations()
    {
        var services = new ServiceCollection();
        services.AddSupabaseBitbucket(Configure);
        var clientOptions = CountClientConfigurations(services);
        var typedClients = services.Count(descriptor => descriptor.ServiceType == typeof(SupabaseAuthClient));

        services.AddSupabaseBitbucket(Configure);

        CountClientConfigurations(services).Should().Be(clientOptions);
        services.Count(descriptor => descriptor.ServiceType == typeof(SupabaseAuthClient)).Should().Be(typedClients);
        typedClients.Should().Be(1);
    }

    [Test]
    public void AddSupabaseBitbucket_CalledTwice_ReturnsSameHttpClientBuilder()
    {
        var services = new ServiceCollection();

        var first = services.AddSupabaseBitbucket(Configure);
        var second = services.AddSupabaseBitbucket(Configure);

        second.HttpClientBuilder.Should().BeSameAs(first.HttpClientBuilder);
        first.HttpClientBuilder.Name.Should().Be(SupabaseAuthClient.HttpClientName);
    }

    [Test]
    public void AddSupabaseBitbucket_Always_DisablesHttpClientTimeout()
    {
        var services = new ServiceCollection();
        services.AddSupabaseBitbucket(Configure);

        var client = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>()
            .CreateClient(SupabaseAuthClient.HttpClientName);

        client.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Test]
    public async Task SignInService_SeveralCalls_IsOneSingleton()
    {
        var services = new ServiceCollection();
        var recording = new RecordingHandler();
        services.AddSupabaseBitbucket(Configure).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => recording);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        });
        var service = provider.GetRequiredService<ISignInService>();

        await service.SignOutAsync(SampleResponses.AccessToken);
        await service.SignOutAsync(SampleResponses.AccessToken);

        provider.GetRequiredService<ISignInService>().Should().BeSameAs(service);
        recording.Requests.Should().HaveCount(2);
    }

    private static void Configure(SupabaseBitbucketOptions options)
    {
        options.Url = AuthTestHost.ProjectUrl;
        options.PublishableKey = AuthTestHost.ApiKey;
    }

    private static int CountClientConfigurations(IServiceCollection services)
    {
        return services.Count(
            descriptor => descriptor.ServiceType == typeof(IConfigureOptions<HttpClientFactoryOptions>));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
