using System.Net;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Callback;

public class CallbackStateTests
{
    private const string SiteUrl = "http://127.0.0.1:3000/welcome?from=emulator";

    [TestCase("", "bad_oauth_callback", "OAuth state parameter missing")]
    [TestCase("?state=not-a-uuid", "bad_oauth_state", "OAuth state parameter is invalid")]
    [TestCase("?state=0f8fad5b-d9cb-469f-a165-70867728950e", "bad_oauth_state", "OAuth state not found or expired")]
    public async Task Callback_BadState_RedirectsToSiteUrl(string query, string errorCode, string description)
    {
        await using var emulator = await TestEmulator.StartAsync(options => options.SiteUrl = SiteUrl);

        using var response = await emulator.GetAsync("auth/v1/callback" + query);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).Should().Be("http://127.0.0.1:3000/welcome");
        var parameters = Query.Parse(location.Query);
        parameters["from"].Should().Be("emulator");
        parameters["error"].Should().Be("invalid_request");
        parameters["error_code"].Should().Be(errorCode);
        parameters["error_description"].Should().Be(description);
    }

    [Test]
    public async Task Callback_ExpiredState_RedirectsToSiteUrl()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await TestEmulator.StartAsync(options => options.TimeProvider = clock);
        var consent = await emulator.AuthorizeAsync();
        var callback = await emulator.SubmitConsentAsync(consent, "grant");
        clock.Advance(TimeSpan.FromSeconds(301));

        using var response = await emulator.GetAsync(callback.ToString());

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var parameters = Query.Parse(response.Headers.Location!.Query);
        parameters["error_code"].Should().Be("bad_oauth_state");
        parameters["error_description"].Should().Be("OAuth state has expired");
    }

    [Test]
    public async Task Callback_StateReused_RedirectsToSiteUrl()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var consent = await emulator.AuthorizeAsync();
        var callback = await emulator.SubmitConsentAsync(consent, "grant");
        using var first = await emulator.GetAsync(callback.ToString());

        using var second = await emulator.GetAsync(callback.ToString());

        first.StatusCode.Should().Be(HttpStatusCode.Found);
        second.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        second.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be("http://127.0.0.1:3000/");
        var parameters = Query.Parse(second.Headers.Location!.Query);
        parameters["error_code"].Should().Be("flow_state_already_used");
        parameters["error_description"].Should().Be("State has already been used");
    }

    [Test]
    public async Task Callback_StateAfterExchange_IsNotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var consent = await emulator.AuthorizeAsync();
        var callback = await emulator.SubmitConsentAsync(consent, "grant");
        using var first = await emulator.GetAsync(callback.ToString());
        using var exchange = await emulator.ExchangeAsync(Query.Parse(first.Headers.Location!.Query)["code"]);

        using var replay = await emulator.GetAsync(callback.ToString());

        exchange.StatusCode.Should().Be(HttpStatusCode.OK);
        var replayQuery = Query.Parse(replay.Headers.Location!.Query);
        replayQuery["error_description"].Should().Be("OAuth state not found or expired");
    }
}
