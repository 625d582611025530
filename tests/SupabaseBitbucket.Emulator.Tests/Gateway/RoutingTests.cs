using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Gateway;

public class RoutingTests : EmulatorTest
{
    [TestCase("GET", "nothing/here")]
    [TestCase("GET", "auth/v1/unknown?apikey={key}")]
    [TestCase("GET", "auth/v1/token?apikey={key}")]
    [TestCase("DELETE", "bitbucket/2.0/user")]
    [TestCase("GET", "bitbucket/account/avatar")]
    [TestCase("GET", "bitbucket/account//avatar")]
    public async Task UnknownRoute_Any_Returns404Json(string method, string path)
    {
        var url = path.Replace("{key}", Emulator.Server.PublishableKey, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        using var response = await Emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await Json.ReadAsync(response);
        body.Text("error_code").Should().Be("not_found");
        body.Text("msg").Should().Contain(method);
    }

    [Test]
    public async Task Preflight_FromBrowser_AllowsAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "auth/v1/token?grant_type=pkce");
        request.Headers.Add("Origin", "http://localhost:5173");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "apikey, content-type, x-supabase-api-version");

        using var response = await Emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("apikey");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
    }

    [Test]
    public async Task Response_AnyEndpoint_CarriesCorsHeaders()
    {
        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");

        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().Should().Contain("x-sb-error-code");
    }

    [Test]
    public async Task Settings_Get_ShowsOnlyBitbucketEnabled()
    {
        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");

        var body = await Json.ReadAsync(response);
        var external = body.GetProperty("external");
        external.GetProperty("bitbucket").GetBoolean().Should().BeTrue();
        external.EnumerateObject().Where(p => p.Name != "bitbucket").Should().OnlyContain(p => !p.Value.GetBoolean());
        external.TryGetProperty("github", out _).Should().BeTrue();
        body.GetProperty("disable_signup").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task Root_Get_DescribesUrlsWithoutApiKey()
    {
        using var response = await Emulator.GetAsync("/");

        var body = await Json.ReadAsync(response);
        var url = Emulator.Server.Url.GetLeftPart(UriPartial.Authority);
        body.Text("supabase_url").Should().Be(url);
        body.Text("auth_url").Should().Be(url + "/auth/v1");
        body.Text("bitbucket_api_url").Should().Be(url + "/bitbucket/2.0");
    }
}
