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
    /// <para>
    /// Every call of <c>AddSupabaseBitbucket</c> returns the same client, so a handler added here once runs once
    /// per request. The library adds no handler and never retries. A resilience pipeline must not retry the code
    /// exchange (<c>POST /auth/v1/token?grant_type=pkce</c>) because its code is single-use.
    /// </para>
    /// <para>
    /// The factory's default request logging is removed from this client: at Trace level it puts the raw values of
    /// the <c>apikey</c> and <c>Authorization</c> headers into the log state. The library logs each call with its
    /// operation, status, error code and duration instead.
    /// </para>
    /// </remarks>
    IHttpClientBuilder HttpClientBuilder { get; }
}
