using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Faults;

public class FaultKindTests : EmulatorTest
{
    [Test]
    public async Task Status_ModernRequest_ReturnsModernErrorBody()
    {
        var fault = EmulatorFault.Status(503, "unexpected_failure", "Down");
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, fault);

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"code\":\"unexpected_failure\",\"message\":\"Down\"}");
        response.Headers.GetValues("x-sb-error-code").Should().Equal("unexpected_failure");
    }

    [Test]
    public async Task Status_LegacyRequest_ReturnsLegacyErrorBody()
    {
        var fault = EmulatorFault.Status(500, "unexpected_failure", "Boom");
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, fault);

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "settings", apiVersion: null);

        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"code\":500,\"error_code\":\"unexpected_failure\",\"msg\":\"Boom\"}");
    }

    [Test]
    public async Task Html_Injected_ReturnsHtmlPage()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.TokenPkce, EmulatorFault.Html(502));

        using var response = await Emulator.ExchangeAsync("any-code");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("502 Bad Gateway");
    }

    [Test]
    public async Task EmptyBody_Injected_ReturnsStatusWithoutBody()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.TokenRefresh, EmulatorFault.EmptyBody(504));

        using var response = await Emulator.RefreshAsync("abcdefghijkl");

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task TruncatedJson_Injected_ReturnsUnparsableJson()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.TokenPkce, EmulatorFault.TruncatedJson());

        using var response = await Emulator.ExchangeAsync("any-code");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var parse = () => JsonDocument.Parse(text);
        parse.Should().Throw<JsonException>();
    }

    [Test]
    public async Task Delay_LongerThanClientTimeout_TimesOutClient()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, EmulatorFault.Delay(TimeSpan.FromSeconds(5)));
        using var impatient = new HttpClient
        {
            BaseAddress = Emulator.Server.Url,
            Timeout = TimeSpan.FromMilliseconds(200),
        };

        var call = () => impatient.GetAsync("auth/v1/settings?apikey=" + Emulator.Server.PublishableKey);

        await call.Should().ThrowAsync<TaskCanceledException>();
    }

    [Test]
    public async Task Delay_Injected_AnswersNormallyAfterWaiting()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, EmulatorFault.Delay(TimeSpan.FromMilliseconds(300)));
        var stopwatch = Stopwatch.StartNew();

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");

        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task DropConnection_Injected_FailsWithoutResponse()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Logout, EmulatorFault.DropConnection());

        var call = () => Emulator.SendAuthAsync(HttpMethod.Post, "logout");

        await call.Should().ThrowAsync<HttpRequestException>();
    }

    [Test]
    public async Task TooManyRequests_Injected_Returns429WithRetryAfter()
    {
        var fault = EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1.5));
        Emulator.Server.InjectFault(EmulatorEndpoint.TokenRefresh, fault);

        using var response = await Emulator.RefreshAsync("abcdefghijkl");

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.GetValues("Retry-After").Should().Equal("2");
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("over_request_rate_limit");
        body.Text("message").Should().Be("Request rate limit reached");
    }

    [Test]
    public async Task OkWithoutTokens_Injected_Returns200WithoutSession()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.TokenPkce, EmulatorFault.OkWithoutTokens());

        using var response = await Emulator.ExchangeAsync("any-code");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Json.ReadAsync(response);
        body.Text("token_type").Should().Be("bearer");
        body.TryGetProperty("access_token", out _).Should().BeFalse();
        body.TryGetProperty("refresh_token", out _).Should().BeFalse();
        body.TryGetProperty("user", out _).Should().BeFalse();
    }

    [Test]
    public async Task Status_OnAuthorize_ReturnsErrorInsteadOfRedirect()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Authorize, EmulatorFault.Status(500, "unexpected_failure", "x"));

        using var response = await Emulator.GetAsync("auth/v1/authorize?provider=bitbucket");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task Status_OnCallback_ReturnsErrorInsteadOfRedirect()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Callback, EmulatorFault.Html(503));

        using var response = await Emulator.GetAsync("auth/v1/callback?state=x");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
