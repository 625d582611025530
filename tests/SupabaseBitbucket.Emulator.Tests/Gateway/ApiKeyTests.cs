using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Gateway;

public class ApiKeyTests : EmulatorTest
{
    [TestCase("GET", "settings")]
    [TestCase("POST", "token?grant_type=pkce")]
    [TestCase("POST", "token?grant_type=refresh_token")]
    [TestCase("GET", "user")]
    [TestCase("POST", "logout")]
    [TestCase("GET", "no-such-route")]
    public async Task Request_WithoutApiKey_Returns401(string method, string path)
    {
        using var response = await Emulator.SendAuthAsync(new HttpMethod(method), path, withApiKey: false);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"No API key found in request\"}");
    }

    [Test]
    public async Task Request_WrongApiKey_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "auth/v1/settings");
        request.Headers.Add("apikey", "sb_publishable_wrong");

        using var response = await Emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Invalid API key\"}");
    }

    [Test]
    public async Task Request_ApiKeyInQuery_IsAccepted()
    {
        using var response = await Emulator.GetAsync("auth/v1/settings?apikey=" + Emulator.Server.PublishableKey);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Callback_WithoutApiKey_IsServed()
    {
        using var response = await Emulator.GetAsync("auth/v1/callback?state=x");

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
    }

    [Test]
    public async Task PublishableKey_Configured_IsTheKeyChecked()
    {
        await using var custom = await TestEmulator.StartAsync(
            options => options.PublishableKey = "sb_publishable_fixed_key");

        using var response = await custom.SendAuthAsync(HttpMethod.Get, "settings");

        custom.Server.PublishableKey.Should().Be("sb_publishable_fixed_key");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public void PublishableKey_Default_IsRandomPublishableKey()
    {
        Emulator.Server.PublishableKey.Should().MatchRegex("^sb_publishable_[A-Za-z0-9]{22}_[A-Za-z0-9]{8}$");
    }
}
