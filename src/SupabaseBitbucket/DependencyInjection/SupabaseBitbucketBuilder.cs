using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket;

/// <summary>
/// The default <see cref="ISupabaseBitbucketBuilder"/>.
/// </summary>
internal sealed class SupabaseBitbucketBuilder : ISupabaseBitbucketBuilder
{
    public SupabaseBitbucketBuilder(IServiceCollection services, IHttpClientBuilder httpClientBuilder)
    {
        Services = services;
        HttpClientBuilder = httpClientBuilder;
    }

    public IServiceCollection Services { get; }

    public IHttpClientBuilder HttpClientBuilder { get; }
}
