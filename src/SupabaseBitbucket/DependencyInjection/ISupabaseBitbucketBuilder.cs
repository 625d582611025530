using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket;

/// <summary>
/// The value returned by <c>AddSupabaseBitbucket</c>, which other packages extend with their own registrations.
/// </summary>
public interface ISupabaseBitbucketBuilder
{
    /// <summary>Gets the service collection the library registered itself in.</summary>
    IServiceCollection Services { get; }
}
