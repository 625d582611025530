using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Token;

public class CodeExchangeTests
{
    [Test]
    public async Task Exchange_ValidCode_ReturnsSession()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var code = await emulator.SignInForCodeAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var response = await emulator.ExchangeAsync(code);
        var body = await Json.ReadAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Text("access_token").Split('.').Should().HaveCount(3);
        body.Text("token_type").Should().Be("bearer");
        body.GetProperty("expires_in").GetInt64().Should().Be(3600);
        body.GetProperty("expires_at").GetInt64().Should().BeInRange(before + 3600, before + 3605);
        Regex.IsMatch(body.Text("refresh_token"), "^[a-z0-9]{12}$").Should().BeTrue(body.Text("refresh_token"));
        body.GetProperty("user").Text("email").Should().Be("alice@example.com");
        body.Text("provider_token").Should().NotBeEmpty();
        body.Text("provider_refresh_token").Should().NotBeEmpty();
    }

    [Test]
    public async Task Exchange_ProviderToken_WorksAgainstBitbucketApi()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var session = await emulator.SignInSessionAsync("bob");
        using var request = new HttpRequestMessage(HttpMethod.Get, emulator.Server.BitbucketApiUrl + "/user");
        request.Headers.Authorization = new("Bearer", session.Text("provider_token"));

        using var response = await emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ReadAsync(response)).Text("nickname").Should().Be("bob");
    }

    [Test]
    public async Task Exchange_CodeReused_Returns404()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var code = await emulator.SignInForCodeAsync();
        using var first = await emulator.ExchangeAsync(code);

        using var second = await emulator.ExchangeAsync(code);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var body = await Json.ReadAsync(second);
        body.Text("code").Should().Be("flow_state_not_found");
        body.Text("message").Should().Be("invalid flow state, no valid flow state found");
    }

    [Test]
    public async Task Exchange_UnknownCode_Returns404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.ExchangeAsync(Guid.NewGuid().ToString());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).Text("code").Should().Be("flow_state_not_found");
    }

    [Test]
    public async Task Exchange_WrongVerifier_Returns400AndKeepsCode()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var code = await emulator.SignInForCodeAsync();

        using var wrong = await emulator.ExchangeAsync(code, Pkce.OtherVerifier);
        using var right = await emulator.ExchangeAsync(code);

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(wrong);
        body.Text("code").Should().Be("bad_code_verifier");
        body.Text("message").Should().Be("code challenge does not match previously saved code verifier");
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Exchange_PlainMethod_AcceptsVerifierEqualToChallenge()
    {
        await using var emulator = await TestEmulator.StartAsync(options => options.AutoConsent = "alice");
        using var authorize = await emulator.GetAsync(
            $"auth/v1/authorize?provider=bitbucket&code_challenge={Pkce.Verifier}&code_challenge_method=plain");
        using var bitbucket = await emulator.GetAsync(authorize.Headers.Location!.ToString());
        using var callback = await emulator.GetAsync(bitbucket.Headers.Location!.ToString());
        var code = Query.Parse(callback.Headers.Location!.Query)["code"];

        using var response = await emulator.ExchangeAsync(code, Pkce.Verifier);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("", Pkce.Verifier)]
    [TestCase("some-code", "")]
    [TestCase("", "")]
    public async Task Exchange_EmptyValue_Returns400ValidationFailed(string code, string verifier)
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.ExchangeAsync(code, verifier);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("validation_failed");
        body.Text("message").Should().Be("invalid request: both auth code and code verifier should be non-empty");
    }

    [Test]
    public async Task Exchange_MissingFields_Returns400ValidationFailed()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.SendAuthAsync(HttpMethod.Post, "token?grant_type=pkce", "{}");

        (await Json.ReadAsync(response)).Text("code").Should().Be("validation_failed");
    }

    [TestCase("{", "invalid character in JSON input")]
    [TestCase("[]", "json: cannot unmarshal array into Go value of type api.PKCEGrantParams")]
    [TestCase("{\"auth_code\":5}",
        "json: cannot unmarshal number into Go struct field PKCEGrantParams.auth_code of type string")]
    public async Task Exchange_BadJson_Returns400BadJson(string json, string detail)
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.SendAuthAsync(HttpMethod.Post, "token?grant_type=pkce", json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("bad_json");
        body.Text("message").Should().Be("Could not parse request body as JSON: " + detail);
    }

    [TestCase("{\"auth_code\":\"\\ud800\",\"code_verifier\":\"x\"}")]
    [TestCase("{\"auth_code\":\"a\\udc00b\",\"code_verifier\":\"\\ud800\\u0041\"}")]
    [TestCase("{\"auth_\\ud800code\":\"\",\"auth_code\":\"\\ud83d\",\"code_verifier\":\"x\"}")]
    public async Task Exchange_LoneSurrogateEscape_Returns404NotFound(string json)
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.SendAuthAsync(HttpMethod.Post, "token?grant_type=pkce", json);

        // Go decodes the surrogate to U+FFFD, so the fields are not empty and name no flow state.
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).Text("code").Should().Be("flow_state_not_found");
    }

    [Test]
    public async Task Exchange_EmptyBody_Returns400BadJson()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.SendAuthAsync(HttpMethod.Post, "token?grant_type=pkce");

        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("bad_json");
        body.Text("message").Should().Be("Could not parse request body as JSON: unexpected end of JSON input");
    }

    [Test]
    public async Task Exchange_BodyOverOneMebibyte_Returns413()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = "{\"auth_code\":\"" + new string('a', (1 << 20) + 1) + "\"}";

        using var response = await emulator.SendAuthAsync(HttpMethod.Post, "token?grant_type=pkce", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Json.ReadAsync(response)).Text("code").Should().Be("request_entity_too_large");
    }

    [Test]
    public async Task Exchange_FieldNamesInOtherCase_AreRead()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var code = await emulator.SignInForCodeAsync();

        using var response = await emulator.SendAuthAsync(
            HttpMethod.Post, "token?grant_type=pkce", new { Auth_Code = code, CODE_VERIFIER = Pkce.Verifier });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase(299, HttpStatusCode.OK)]
    [TestCase(301, HttpStatusCode.UnprocessableEntity)]
    public async Task Exchange_AfterDelay_ExpiresAtFlowStateLifetime(int seconds, HttpStatusCode expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await TestEmulator.StartAsync(options => options.TimeProvider = clock);
        var code = await emulator.SignInForCodeAsync();
        clock.Advance(TimeSpan.FromSeconds(seconds));

        using var response = await emulator.ExchangeAsync(code);

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.UnprocessableEntity)
        {
            var body = await Json.ReadAsync(response);
            body.Text("code").Should().Be("flow_state_expired");
            body.Text("message").Should().Be("invalid flow state, flow state has expired");
        }
    }

    [Test]
    public async Task Exchange_ShorterLifetimeOption_ExpiresSooner()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await TestEmulator.StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.FlowStateLifetime = TimeSpan.FromSeconds(30);
        });
        var code = await emulator.SignInForCodeAsync();
        clock.Advance(TimeSpan.FromSeconds(31));

        using var response = await emulator.ExchangeAsync(code);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [TestCase("token?grant_type=password")]
    [TestCase("token")]
    [TestCase("token?grant_type=authorization_code")]
    public async Task Token_UnsupportedGrantType_Returns400InvalidCredentials(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.SendAuthAsync(HttpMethod.Post, path, "{}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("invalid_credentials");
        body.Text("message").Should().Be("unsupported_grant_type");
    }
}
