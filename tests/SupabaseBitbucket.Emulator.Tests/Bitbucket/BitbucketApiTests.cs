using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Bitbucket;

public class BitbucketApiTests : EmulatorTest
{
    protected override void Configure(SupabaseAuthEmulatorOptions options)
    {
        var emails = Enumerable.Range(1, 12).Select(i => new EmulatorEmail($"erin{i}@example.com", isPrimary: i == 1));
        options.Accounts.Add(new EmulatorAccount("erin", "Erin Walsh") { Emails = [.. emails] });
    }

    [Test]
    public async Task User_ProviderToken_ReturnsBitbucketUserShape()
    {
        var alice = Emulator.Server.Accounts.Single(a => a.Username == "alice");
        var token = (await Emulator.SignInSessionAsync("alice")).Text("provider_token");

        using var response = await GetAsync("/user", token);
        var user = await Json.ReadAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        user.Text("type").Should().Be("user");
        user.Text("uuid").Should().Be(alice.Uuid);
        user.Text("display_name").Should().Be("Alice Marlowe");
        user.Text("nickname").Should().Be("alice");
        user.Text("account_id").Should().Be(alice.AccountId);
        user.TryGetProperty("avatar", out _).Should().BeFalse();
        var avatar = user.GetProperty("links").GetProperty("avatar").Text("href");
        avatar.Should().StartWith(Emulator.Server.Url.ToString());
    }

    [Test]
    public async Task Avatar_DefaultLink_ServesSvg()
    {
        var token = (await Emulator.SignInSessionAsync("alice")).Text("provider_token");
        using var userResponse = await GetAsync("/user", token);
        var avatar = (await Json.ReadAsync(userResponse)).GetProperty("links").GetProperty("avatar").Text("href");

        using var response = await Emulator.GetAsync(avatar);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await response.Content.ReadAsStringAsync()).Should().Contain(">A</text>");
    }

    [Test]
    public async Task Emails_TwelveAddresses_ArePaginatedByTen()
    {
        var token = (await Emulator.SignInSessionAsync("erin")).Text("provider_token");

        using var first = await GetAsync("/user/emails", token);
        var page1 = await Json.ReadAsync(first);
        var nextPath = page1.Text("next")[Emulator.Server.BitbucketApiUrl.ToString().Length..];
        using var second = await GetAsync(nextPath, token);
        var page2 = await Json.ReadAsync(second);

        page1.GetProperty("pagelen").GetInt32().Should().Be(10);
        page1.GetProperty("size").GetInt32().Should().Be(12);
        page1.GetProperty("page").GetInt32().Should().Be(1);
        page1.GetProperty("values").GetArrayLength().Should().Be(10);
        page1.Text("next").Should().Be(Emulator.Server.BitbucketApiUrl + "/user/emails?page=2&pagelen=10");
        page2.GetProperty("values").GetArrayLength().Should().Be(2);
        page2.TryGetProperty("next", out _).Should().BeFalse();
    }

    [Test]
    public async Task Emails_Entry_HasBitbucketFields()
    {
        var token = (await Emulator.SignInSessionAsync("bob")).Text("provider_token");

        using var response = await GetAsync("/user/emails", token);
        var values = (await Json.ReadAsync(response)).GetProperty("values").EnumerateArray().ToList();

        values.Select(v => v.Text("email")).Should().Equal("bob.work@example.com", "bob@example.com");
        values.Select(v => v.GetProperty("is_primary").GetBoolean()).Should().Equal(false, true);
        values.Should().OnlyContain(v => v.GetProperty("is_confirmed").GetBoolean() && v.Text("type") == "email");
    }

    [TestCase("/user")]
    [TestCase("/user/emails")]
    public async Task Api_UnknownToken_Returns401(string path)
    {
        using var response = await GetAsync(path, "unknown-token");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Json.ReadAsync(response)).Text("type").Should().Be("error");
    }

    [Test]
    public async Task Api_WithoutToken_Returns401()
    {
        using var response = await Emulator.GetAsync(Emulator.Server.BitbucketApiUrl + "/user");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Api_TokenAfterTwoHours_Returns401()
    {
        var token = (await Emulator.SignInSessionAsync()).Text("provider_token");
        Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        using var response = await GetAsync("/user", token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [TestCase("pagelen=0")]
    [TestCase("pagelen=101")]
    [TestCase("page=zero")]
    public async Task Emails_InvalidPaging_Returns400(string query)
    {
        var token = (await Emulator.SignInSessionAsync()).Text("provider_token");

        using var response = await GetAsync("/user/emails?" + query, token);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task TokenEndpoint_CodeWithBasicAuth_ReturnsTokens()
    {
        var code = await BitbucketCodeAsync();

        using var response = await PostTokenAsync(
            new() { ["grant_type"] = "authorization_code", ["code"] = code },
            BasicAuth("supabase-auth-emulator-secret"));
        var body = await Json.ReadAsync(response);
        using var user = await GetAsync("/user", body.Text("access_token"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Text("token_type").Should().Be("bearer");
        body.Text("scopes").Should().Be("account email");
        body.GetProperty("expires_in").GetInt32().Should().Be(7200);
        body.Text("refresh_token").Should().NotBeEmpty();
        user.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task TokenEndpoint_CodeUsedTwice_ReturnsInvalidGrant()
    {
        var code = await BitbucketCodeAsync();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["client_id"] = "supabase-auth-emulator",
            ["client_secret"] = "supabase-auth-emulator-secret",
        };
        using var first = await PostTokenAsync(form);

        using var second = await PostTokenAsync(form);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(second)).Text("error").Should().Be("invalid_grant");
    }

    [Test]
    public async Task TokenEndpoint_WrongSecret_ReturnsInvalidClient()
    {
        var code = await BitbucketCodeAsync();

        using var response = await PostTokenAsync(
            new() { ["grant_type"] = "authorization_code", ["code"] = code }, BasicAuth("wrong"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(response)).Text("error").Should().Be("invalid_client");
    }

    [Test]
    public async Task TokenEndpoint_RefreshToken_ReturnsNewAccessToken()
    {
        var session = await Emulator.SignInSessionAsync();

        using var response = await PostTokenAsync(
            new() { ["grant_type"] = "refresh_token", ["refresh_token"] = session.Text("provider_refresh_token") },
            BasicAuth("supabase-auth-emulator-secret"));
        var body = await Json.ReadAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Text("access_token").Should().NotBe(session.Text("provider_token"));
    }

    [Test]
    public async Task TokenEndpoint_UnknownGrant_ReturnsUnsupportedGrantType()
    {
        using var response = await PostTokenAsync(
            new() { ["grant_type"] = "password" }, BasicAuth("supabase-auth-emulator-secret"));

        (await Json.ReadAsync(response)).Text("error").Should().Be("unsupported_grant_type");
    }

    private Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Emulator.Server.BitbucketApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Emulator.Http.SendAsync(request);
    }

    private async Task<string> BitbucketCodeAsync()
    {
        var consent = await Emulator.AuthorizeAsync();
        var callback = await Emulator.SubmitConsentAsync(consent, "grant");
        return Query.Parse(callback.Query)["code"];
    }

    private Task<HttpResponseMessage> PostTokenAsync(
        Dictionary<string, string> form, AuthenticationHeaderValue? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "bitbucket/site/oauth2/access_token")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = authorization;
        return Emulator.Http.SendAsync(request);
    }

    private static AuthenticationHeaderValue BasicAuth(string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("supabase-auth-emulator:" + secret)));
}
