using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket.Benchmarks.Micro;

/// <summary>
/// The library as an application registers it, with every HTTP call served in memory by
/// <see cref="CannedTokenHandler"/>, so a measurement contains the library's own work and none of the network's.
/// </summary>
internal static class BenchmarkServices
{
    public const string SupabaseUrl = "http://127.0.0.1:54321";
    public const string PublishableKey = "sb_publishable_benchmark0123456789";
    public const string RedirectTo = "http://localhost:5080/auth/callback?flow=4f9c2a7e1b3d";

    /// <summary>A token response shaped like Supabase's for a Bitbucket user, about 3 KB.</summary>
    public static byte[] TokenResponse { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "token-response.json"));

    public static ServiceProvider Create(HttpMessageHandler handler)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSupabaseBitbucket(options =>
            {
                options.Url = SupabaseUrl;
                options.PublishableKey = PublishableKey;
                options.RedirectTo = RedirectTo;
            })
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}

/// <summary>
/// Returns <see cref="BenchmarkServices.TokenResponse"/> for every request without touching a socket. It reads the
/// request body first, as a transport writes it to the wire, so content that serializes lazily costs what it
/// costs on a real connection.
/// </summary>
internal sealed class CannedTokenHandler : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } body)
        {
            await body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(BenchmarkServices.TokenResponse);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
