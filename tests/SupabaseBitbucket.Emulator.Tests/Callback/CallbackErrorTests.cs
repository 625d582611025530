using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Callback;

public class CallbackErrorTests : EmulatorTest
{
    [Test]
    public async Task Callback_AccountWithoutEmail_RedirectsWithServerError()
    {
        var location = await Emulator.SignInAsync("no-email");

        location.GetLeftPart(UriPartial.Path).Should().Be("http://127.0.0.1:5000/auth/callback");
        var query = Query.Parse(location.Query);
        query["error"].Should().Be("server_error");
        query["error_code"].Should().Be("unexpected_failure");
        query["error_description"].Should().Be("Error getting user email from external provider");
        query["next"].Should().Be("/dash");
        query.Should().NotContainKey("code");
    }

    [Test]
    public async Task Callback_AccountWithoutEmail_RepeatsErrorInFragment()
    {
        var location = await Emulator.SignInAsync("no-email");

        location.Fragment.Should().Be(
            "#error=server_error&error_code=unexpected_failure"
            + "&error_description=Error+getting+user+email+from+external+provider&sb=");
    }

    [Test]
    public async Task Callback_EscapedFragment_IsEncodedTwice()
    {
        var consent = await Emulator.AuthorizeAsync();
        var state = Query.Parse(consent.Query)["state"];

        using var response = await Emulator.GetAsync(
            $"auth/v1/callback?state={state}&error=access_denied&error_description=Denied%3A+50%25");

        var location = response.Headers.Location!.OriginalString;
        location.Should().Contain("error_description=Denied%3A+50%25&");
        location.Should().EndWith("#error=access_denied&error_description=Denied%253A+50%2525&sb=");
    }

    [Test]
    public async Task Callback_MissingCode_RedirectsWithInvalidRequest()
    {
        var consent = await Emulator.AuthorizeAsync();
        var state = Query.Parse(consent.Query)["state"];

        using var response = await Emulator.GetAsync($"auth/v1/callback?state={state}");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        var query = Query.Parse(response.Headers.Location!.Query);
        query["error"].Should().Be("invalid_request");
        query["error_code"].Should().Be("bad_oauth_callback");
        query["error_description"].Should().Be("OAuth callback with missing authorization code missing");
    }

    [Test]
    public async Task Callback_UnknownBitbucketCode_RedirectsWithExchangeError()
    {
        var consent = await Emulator.AuthorizeAsync();
        var state = Query.Parse(consent.Query)["state"];

        using var response = await Emulator.GetAsync($"auth/v1/callback?state={state}&code=forgedcode123");

        var query = Query.Parse(response.Headers.Location!.Query);
        query["error"].Should().Be("server_error");
        query["error_code"].Should().Be("unexpected_failure");
        query["error_description"].Should().Be("Unable to exchange external code: forg");
    }

    [Test]
    public async Task Callback_Success_AddsCodeAndKeepsQuery()
    {
        var location = await Emulator.SignInAsync();

        location.GetLeftPart(UriPartial.Path).Should().Be("http://127.0.0.1:5000/auth/callback");
        var query = Query.Parse(location.Query);
        Guid.TryParse(query["code"], out _).Should().BeTrue(query["code"]);
        query["next"].Should().Be("/dash");
        location.Fragment.Should().BeEmpty();
    }

    [Test]
    public async Task Callback_ImplicitFlow_PutsSessionInFragment()
    {
        var location = await Emulator.SignInAsync(challenge: string.Empty);

        location.Query.Should().Be("?next=%2Fdash");
        var fragment = Query.Parse(location.Fragment);
        fragment["token_type"].Should().Be("bearer");
        fragment["expires_in"].Should().Be("3600");
        fragment["access_token"].Split('.').Should().HaveCount(3);
        fragment["refresh_token"].Should().HaveLength(12);
        fragment["provider_token"].Should().NotBeEmpty();
        fragment["provider_refresh_token"].Should().NotBeEmpty();
        fragment.Should().ContainKey("sb");
        Emulator.Server.ActiveSessionIds.Should().HaveCount(1);
    }

    [Test]
    public async Task Callback_NonAsciiTarget_IsPercentEncoded()
    {
        var location = await Emulator.SignInAsync(redirectTo: "http://127.0.0.1:5000/caf\u00e9?q=\u00e9");

        var code = Query.Parse(location.Query)["code"];
        location.OriginalString.Should().Be($"http://127.0.0.1:5000/caf%C3%A9?code={code}&q=%C3%A9");
    }
}
