using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Faults;

public class BitbucketFaultTests : EmulatorTest
{
    [Test]
    public async Task SignIn_BitbucketTokenFault_RedirectsWithError()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.BitbucketToken, EmulatorFault.Html(502));

        var location = await Emulator.SignInAsync();

        var query = Query.Parse(location.Query);
        query["error"].Should().Be("server_error");
        query["error_description"].Should().StartWith("Unable to exchange external code: ");
    }

    [TestCase(EmulatorEndpoint.BitbucketUser)]
    [TestCase(EmulatorEndpoint.BitbucketEmails)]
    public async Task SignIn_BitbucketProfileFault_RedirectsWithError(EmulatorEndpoint endpoint)
    {
        Emulator.Server.InjectFault(endpoint, EmulatorFault.Status(503, "unavailable", "Bitbucket is down"));

        var location = await Emulator.SignInAsync();

        var query = Query.Parse(location.Query);
        query["error"].Should().Be("server_error");
        query["error_code"].Should().Be("unexpected_failure");
        query["error_description"].Should().Be("Error getting user profile from external provider");
    }

    [Test]
    public async Task SignIn_BitbucketDelay_StillSucceeds()
    {
        var fault = EmulatorFault.Delay(TimeSpan.FromMilliseconds(50));
        Emulator.Server.InjectFault(EmulatorEndpoint.BitbucketUser, fault);

        var location = await Emulator.SignInAsync();

        Query.Parse(location.Query).Should().ContainKey("code");
        Emulator.Server.PendingFaultCount(EmulatorEndpoint.BitbucketUser).Should().Be(0);
    }

    [Test]
    public async Task BitbucketUser_StatusFault_ReturnsBitbucketErrorShape()
    {
        var session = await Emulator.SignInSessionAsync();
        var fault = EmulatorFault.Status(503, "unavailable", "Try later");
        Emulator.Server.InjectFault(EmulatorEndpoint.BitbucketUser, fault);
        using var request = new HttpRequestMessage(HttpMethod.Get, Emulator.Server.BitbucketApiUrl + "/user");
        request.Headers.Authorization = new("Bearer", session.Text("provider_token"));

        using var response = await Emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"type\":\"error\",\"error\":{\"message\":\"Try later\"}}");
    }

    [Test]
    public async Task BitbucketToken_StatusFault_ReturnsOAuthErrorShape()
    {
        var fault = EmulatorFault.Status(400, "invalid_grant", "Nope");
        Emulator.Server.InjectFault(EmulatorEndpoint.BitbucketToken, fault);

        using var response = await Emulator.Http.PostAsync(
            "bitbucket/site/oauth2/access_token", new FormUrlEncodedContent(new Dictionary<string, string>()));

        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"error\":\"invalid_grant\",\"error_description\":\"Nope\"}");
    }
}
