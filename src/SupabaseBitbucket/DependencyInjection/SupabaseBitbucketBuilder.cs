using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket;

/// <summary>
/// The default <see cref="ISupabaseBitbucketBuilder"/>.
/// </summary>
internal sealed class SupabaseBitbucketBuilder : ISupabaseBitbucketBuilder
{
    public SupabaseBitbucketBuilder(IServiceCollection services)
    {
        Services = services;
    }

    public IServiceCollection Services { get; }
}
