using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Http;

public class RequestFormatTests
{
    private const string ClientInfoPattern = @"^supabase-bitbucket-dotnet/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$";

    [Test]
    public async Task ExchangeCodeAsync_Always_SendsPkceGrant()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.Exchange);

        await host.Service.ExchangeCodeAsync("3f1b0a4c-code", "verifier-abc_DEF.123~xyz");

        var request = host.SingleRequest;
        request.Method.Should().Be("POST");
        request.Url.AbsoluteUri.Should().Be(AuthTestHost.ProjectUrl + "/auth/v1/token?grant_type=pkce");
        request.Body.Should().Be("""{"auth_code":"3f1b0a4c-code","code_verifier":"verifier-abc_DEF.123~xyz"}""");
        request.ContentHeader("Content-Type").Should().Be("application/json;charset=UTF-8");
        AssertCommonHeaders(request, "Bearer " + AuthTestHost.ApiKey);
    }

    [Test]
    public async Task RefreshSessionAsync_Always_SendsRefreshTokenGrant()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.RefreshWithoutExpiresAt);

        await host.Service.RefreshSessionAsync("r3fr3sh-token");

        var request = host.SingleRequest;
        request.Method.Should().Be("POST");
        request.Url.AbsoluteUri.Should().Be(AuthTestHost.ProjectUrl + "/auth/v1/token?grant_type=refresh_token");
        request.Body.Should().Be("""{"refresh_token":"r3fr3sh-token"}""");
        request.ContentHeader("Content-Type").Should().Be("application/json;charset=UTF-8");
        AssertCommonHeaders(request, "Bearer " + AuthTestHost.ApiKey);
    }

    [Test]
    public async Task GetUserAsync_Always_SendsGetWithAccessToken()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.User);

        await host.Service.GetUserAsync(SampleResponses.AccessToken);

        var request = host.SingleRequest;
        request.Method.Should().Be("GET");
        request.Url.AbsoluteUri.Should().Be(AuthTestHost.ProjectUrl + "/auth/v1/user");
        request.Body.Should().BeNull();
        request.ContentHeaders.Should().BeEmpty();
        AssertCommonHeaders(request, "Bearer " + SampleResponses.AccessToken);
    }

    [TestCase(SignOutScope.Global, "global")]
    [TestCase(SignOutScope.Local, "local")]
    [TestCase(SignOutScope.Others, "others")]
    public async Task SignOutAsync_Scope_SendsLogoutWithScope(SignOutScope scope, string expected)
    {
        using var host = new AuthTestHost();

        await host.Service.SignOutAsync(SampleResponses.AccessToken, scope);

        var request = host.SingleRequest;
        request.Method.Should().Be("POST");
        request.Url.AbsoluteUri.Should().Be(AuthTestHost.ProjectUrl + "/auth/v1/logout?scope=" + expected);
        request.Body.Should().BeEmpty();
        request.ContentHeader("Content-Type").Should().Be("application/json;charset=UTF-8");
        AssertCommonHeaders(request, "Bearer " + SampleResponses.AccessToken);
    }

    [Test]
    public async Task SignOutAsync_NoScope_SendsGlobal()
    {
        using var host = new AuthTestHost();

        await host.Service.SignOutAsync(SampleResponses.AccessToken);

        host.SingleRequest.Url.Query.Should().Be("?scope=global");
    }

    [Test]
    public async Task ExchangeCodeAsync_UrlWithTrailingSlash_SendsSamePath()
    {
        using var host = new AuthTestHost(options => options.Url = AuthTestHost.ProjectUrl + "/");
        host.Handler.RespondWithJson(200, SampleResponses.Exchange);

        await host.Service.ExchangeCodeAsync("code", "verifier");

        host.SingleRequest.Url.AbsolutePath.Should().Be("/auth/v1/token");
    }

    [Test]
    public async Task ExchangeCodeAsync_Always_SendsOnlyExpectedHeaders()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.Exchange);

        await host.Service.ExchangeCodeAsync("code", "verifier");

        host.SingleRequest.Headers.Keys.Should().BeEquivalentTo(
            "apikey", "Authorization", "X-Supabase-Api-Version", "X-Client-Info");
    }

    private static void AssertCommonHeaders(RecordedRequest request, string authorization)
    {
        request.Header("apikey").Should().Be(AuthTestHost.ApiKey);
        request.Header("Authorization").Should().Be(authorization);
        request.Header("X-Supabase-Api-Version").Should().Be("2024-01-01");
        request.Header("X-Client-Info").Should().MatchRegex(ClientInfoPattern);
    }
}
