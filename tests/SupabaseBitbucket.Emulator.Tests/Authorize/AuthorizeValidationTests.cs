using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Authorize;

public class AuthorizeValidationTests : EmulatorTest
{
    [TestCase("gitlabx", "Unsupported provider: Provider gitlabx could not be found")]
    [TestCase("GitHub", "Unsupported provider: provider is not enabled")]
    [TestCase("", "Unsupported provider: Provider  could not be found")]
    public async Task Authorize_OtherProvider_Returns400(string provider, string message)
    {
        using var response = await Emulator.GetAsync($"auth/v1/authorize?provider={provider}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.GetProperty("code").GetInt32().Should().Be(400);
        body.Text("error_code").Should().Be("validation_failed");
        body.Text("msg").Should().Be(message);
    }

    [TestCase("&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "PKCE flow requires code_challenge_method and code_challenge")]
    [TestCase("&code_challenge_method=s256", "PKCE flow requires code_challenge_method and code_challenge")]
    [TestCase("&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw%2BcM&code_challenge_method=s256",
        "code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes")]
    [TestCase("&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=s512",
        "Invalid code_challenge_method")]
    public async Task Authorize_InvalidPkce_Returns400(string parameters, string message)
    {
        using var response = await Emulator.GetAsync("auth/v1/authorize?provider=bitbucket" + parameters);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("error_code").Should().Be("validation_failed");
        body.Text("msg").Should().Be(message);
    }

    [TestCase(42)]
    [TestCase(129)]
    public async Task Authorize_ChallengeLengthOutOfRange_Returns400(int length)
    {
        var challenge = new string('a', length);

        using var response = await Emulator.GetAsync(
            $"auth/v1/authorize?provider=bitbucket&code_challenge={challenge}&code_challenge_method=s256");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("msg").Should().Be("code challenge has to be between 43 and 128 characters");
    }

    [TestCase("BITBUCKET", "S256")]
    [TestCase("bitbucket", "PLAIN")]
    [TestCase("Bitbucket", "plain")]
    public async Task Authorize_AnyCase_Redirects(string provider, string method)
    {
        var challenge = new string('a', 43);

        using var response = await Emulator.GetAsync(
            $"auth/v1/authorize?provider={provider}&code_challenge={challenge}&code_challenge_method={method}");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
    }

    [Test]
    public async Task Authorize_ValidRequest_RedirectsToConsent()
    {
        var consent = await Emulator.AuthorizeAsync();

        var expectedPage = new Uri(Emulator.Server.Url, "bitbucket/site/oauth2/authorize");
        consent.GetLeftPart(UriPartial.Path).Should().Be(expectedPage.ToString());
        var query = Query.Parse(consent.Query);
        query["client_id"].Should().Be("supabase-auth-emulator");
        query["response_type"].Should().Be("code");
        query["scope"].Should().Be("account email");
        query["redirect_uri"].Should().Be(new Uri(Emulator.Server.Url, "auth/v1/callback").ToString());
        Guid.TryParse(query["state"], out _).Should().BeTrue(query["state"]);
        query.Should().NotContainKey("code_challenge");
    }

    [Test]
    public async Task Authorize_Scope_EncodesSpaceAsPlus()
    {
        var consent = await Emulator.AuthorizeAsync();

        consent.Query.Should().Contain("scope=account+email");
    }

    [Test]
    public async Task Authorize_ExtraParameters_ArePassedToBitbucket()
    {
        using var response = await Emulator.GetAsync(
            "auth/v1/authorize?provider=bitbucket&scopes=repository&prompt=consent&state=forged"
            + "&redirect_uri=http://evil.test/");

        var query = Query.Parse(response.Headers.Location!.Query);
        query["prompt"].Should().Be("consent");
        query["scope"].Should().Be("account email");
        query["state"].Should().NotBe("forged");
        query["redirect_uri"].Should().EndWith("/auth/v1/callback");
    }

    [Test]
    public async Task Authorize_WithoutApiKey_StillRedirects()
    {
        using var response = await Emulator.GetAsync("auth/v1/authorize?provider=bitbucket");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
    }
}
