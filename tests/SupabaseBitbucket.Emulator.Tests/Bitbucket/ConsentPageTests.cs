using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Bitbucket;

public class ConsentPageTests
{
    [Test]
    public async Task ConsentPage_DefaultAccounts_ListsRadioButtons()
    {
        await using var emulator = await TestEmulator.StartAsync(options => options.AppName = "Acme Portal");
        var consent = await emulator.AuthorizeAsync();

        using var response = await emulator.GetAsync(consent.ToString());
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("Authorize Acme Portal");
        html.Should().Contain("<input type=\"radio\" name=\"account\" value=\"alice\" checked> Alice Marlowe (alice)");
        html.Should().Contain("<input type=\"radio\" name=\"account\" value=\"bob\"> Bob Tanaka (bob)");
        html.Should().Contain("value=\"no-email\"");
        html.Should().Contain("<button type=\"submit\" name=\"action\" value=\"grant\">Grant access</button>");
        html.Should().Contain("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>");
        html.Should().Contain("<form method=\"post\">");
        html.Should().NotContain("<script");
    }

    [Test]
    public async Task ConsentPage_MarkupInNames_IsHtmlEncoded()
    {
        await using var emulator = await TestEmulator.StartAsync(options =>
        {
            options.AppName = "<script>alert('app')</script>";
            options.Accounts.Add(new EmulatorAccount("mallory", "<img src=x onerror=alert(1)>"));
        });
        var consent = await emulator.AuthorizeAsync();

        using var response = await emulator.GetAsync(consent.ToString());
        var html = await response.Content.ReadAsStringAsync();

        html.Should().NotContain("<script>alert");
        html.Should().NotContain("<img src=x");
        html.Should().Contain("&lt;script&gt;");
        html.Should().Contain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Test]
    public async Task Grant_ChosenAccount_ReturnsCodeAndState()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var consent = await emulator.AuthorizeAsync();
        var state = Query.Parse(consent.Query)["state"];

        var callback = await emulator.SubmitConsentAsync(consent, "grant", "bob");

        var expectedCallback = new Uri(emulator.Server.Url, "auth/v1/callback");
        callback.GetLeftPart(UriPartial.Path).Should().Be(expectedCallback.ToString());
        var query = Query.Parse(callback.Query);
        query["state"].Should().Be(state);
        query["code"].Should().NotBeEmpty();
        query.Should().NotContainKey("error");
    }

    [Test]
    public async Task Cancel_Pressed_ReturnsAccessDeniedToCallback()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var consent = await emulator.AuthorizeAsync();
        var state = Query.Parse(consent.Query)["state"];

        var callback = await emulator.SubmitConsentAsync(consent, "cancel");

        var query = Query.Parse(callback.Query);
        query["error"].Should().Be("access_denied");
        query["error_description"].Should().NotBeEmpty();
        query["state"].Should().Be(state);
        query.Should().NotContainKey("code");
    }

    [Test]
    public async Task Cancel_ThroughCallback_PassesAccessDenied()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var consent = await emulator.AuthorizeAsync();
        var callback = await emulator.SubmitConsentAsync(consent, "cancel");

        using var response = await emulator.GetAsync(callback.ToString());

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).Should().Be("http://127.0.0.1:5000/auth/callback");
        var query = Query.Parse(location.Query);
        query["error"].Should().Be("access_denied");
        query["next"].Should().Be("/dash");
        query.Should().NotContainKey("error_code");
        var fragment = Query.Parse(location.Fragment);
        fragment["error"].Should().Be("access_denied");
        fragment.Should().ContainKey("sb");
    }

    [TestCase("bob", "bob@example.com")]
    [TestCase("first", "alice@example.com")]
    public async Task AutoConsent_Set_SkipsConsentPage(string choice, string email)
    {
        await using var emulator = await TestEmulator.StartAsync(options => options.AutoConsent = choice);
        var consent = await emulator.AuthorizeAsync();

        using var bitbucket = await emulator.GetAsync(consent.ToString());
        using var callback = await emulator.GetAsync(bitbucket.Headers.Location!.ToString());
        var code = Query.Parse(callback.Headers.Location!.Query)["code"];
        using var exchange = await emulator.ExchangeAsync(code);
        var session = await Json.ReadAsync(exchange);

        bitbucket.StatusCode.Should().Be(HttpStatusCode.Found);
        session.GetProperty("user").Text("email").Should().Be(email);
    }

    [Test]
    public async Task ConsentPage_UnknownClientId_Returns400Page()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.GetAsync(
            "bitbucket/site/oauth2/authorize?client_id=someone-else&response_type=code&state=x");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Invalid client_id");
    }

    [Test]
    public async Task ConsentPage_ForeignRedirectUri_Returns400Page()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.GetAsync(
            "bitbucket/site/oauth2/authorize?client_id=supabase-auth-emulator&response_type=code"
            + "&redirect_uri=https%3A%2F%2Fevil.test%2Fcb");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("does not match the callback URL");
    }

    [Test]
    public async Task Grant_UnknownAccount_Returns400Page()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var consent = await emulator.AuthorizeAsync();
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = "supabase-auth-emulator",
            ["response_type"] = "code",
            ["state"] = Query.Parse(consent.Query)["state"],
            ["account"] = "nobody",
            ["action"] = "grant",
        };

        using var response = await emulator.Http.PostAsync(
            consent.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
