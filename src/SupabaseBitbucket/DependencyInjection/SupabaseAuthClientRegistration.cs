using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket;

/// <summary>
/// A marker kept in the service collection once the Supabase Auth HTTP client is registered, so a second call of
/// <c>AddSupabaseBitbucket</c> reuses the client's builder instead of configuring the client again.
/// </summary>
internal sealed class SupabaseAuthClientRegistration
{
    public SupabaseAuthClientRegistration(IHttpClientBuilder httpClientBuilder)
    {
        HttpClientBuilder = httpClientBuilder;
    }

    public IHttpClientBuilder HttpClientBuilder { get; }
}
