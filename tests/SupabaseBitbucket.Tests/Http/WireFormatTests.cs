using Microsoft.Extensions.DependencyInjection;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Http;

/// <summary>
/// Sends through the real socket handler to a local server and checks the bytes on the wire.
/// </summary>
public class WireFormatTests
{
    [Test]
    public async Task ExchangeCodeAsync_OverSocket_WritesExactContentType()
    {
        using var server = new LoopbackHttpServer(200, "OK", SampleResponses.Exchange);
        var service = CreateService(server.Url);

        await service.ExchangeCodeAsync("code-1", "verifier-1");

        var raw = await server.RawRequest;
        raw.Should().StartWith("POST /auth/v1/token?grant_type=pkce HTTP/1.1\r\n");
        raw.Should().Contain("\r\nContent-Type: application/json;charset=UTF-8\r\n");
        raw.Should().Contain("\r\nX-Supabase-Api-Version: 2024-01-01\r\n");
        raw.Should().EndWith("\r\n\r\n" + """{"auth_code":"code-1","code_verifier":"verifier-1"}""");
    }

    [Test]
    public async Task SignOutAsync_OverSocket_WritesEmptyJsonPost()
    {
        using var server = new LoopbackHttpServer(204, "No Content", null);
        var service = CreateService(server.Url);

        await service.SignOutAsync(SampleResponses.AccessToken, SignOutScope.Local);

        var raw = await server.RawRequest;
        raw.Should().StartWith("POST /auth/v1/logout?scope=local HTTP/1.1\r\n");
        raw.Should().Contain("\r\nContent-Type: application/json;charset=UTF-8\r\n");
        raw.Should().Contain("\r\nContent-Length: 0\r\n");
        raw.Should().Contain("\r\nAuthorization: Bearer " + SampleResponses.AccessToken + "\r\n");
        raw.Should().EndWith("\r\n\r\n");
    }

    private static ISignInService CreateService(string url)
    {
        var services = new ServiceCollection();
        services
            .AddSupabaseBitbucket(options =>
            {
                options.Url = url;
                options.PublishableKey = AuthTestHost.ApiKey;
            })
            .HttpClientBuilder.AddHttpMessageHandler(() => new HeaderReadingHandler());
        return services.BuildServiceProvider().GetRequiredService<ISignInService>();
    }
}
