using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket;

/// <summary>
/// The value returned by <c>AddSupabaseBitbucket</c>, which other packages extend with their own registrations.
/// </summary>
public interface ISupabaseBitbucketBuilder
{
    /// <summary>Gets the service collection the library registered itself in.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Gets the builder of the HTTP client that calls Supabase Auth, for adding message handlers, a primary
    /// handler, a proxy or resilience.
    /// </summary>
    /// <remarks>
    /// Every call of <c>AddSupabaseBitbucket</c> returns the same client, so a handler added here once runs once per
    /// request. The library itself adds no handler and never retries; a resilience pipeline must not retry the
    /// code exchange (<c>POST /auth/v1/token?grant_type=pkce</c>), whose code is single-use.
    /// </remarks>
    IHttpClientBuilder HttpClientBuilder { get; }
}
