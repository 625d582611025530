using System.Net;
using System.Text.Json;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Token;

public class RefreshTokenTests : EmulatorTest
{
    [Test]
    public async Task Refresh_CurrentToken_RotatesIt()
    {
        var session = await Emulator.SignInSessionAsync();
        var first = session.Text("refresh_token");

        var refreshed = await RefreshOkAsync(first);

        var second = refreshed.Text("refresh_token");
        second.Should().NotBe(first);
        second.Should().MatchRegex("^[a-z0-9]{12}$");
        Emulator.Server.IsRefreshTokenActive(first).Should().BeFalse();
        Emulator.Server.IsRefreshTokenActive(second).Should().BeTrue();
    }

    [Test]
    public async Task Refresh_Success_ReturnsSessionWithoutProviderTokens()
    {
        var session = await Emulator.SignInSessionAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));

        var refreshed = await RefreshOkAsync(session.Text("refresh_token"));

        refreshed.Text("token_type").Should().Be("bearer");
        refreshed.GetProperty("expires_in").GetInt64().Should().Be(3600);
        refreshed.Text("access_token").Should().NotBe(session.Text("access_token"));
        refreshed.GetProperty("user").Text("id").Should().Be(session.GetProperty("user").Text("id"));
        refreshed.TryGetProperty("provider_token", out _).Should().BeFalse();
        refreshed.TryGetProperty("provider_refresh_token", out _).Should().BeFalse();
    }

    [Test]
    public async Task Refresh_ParentOfCurrent_ReturnsCurrentToken()
    {
        var first = (await Emulator.SignInSessionAsync()).Text("refresh_token");
        var second = (await RefreshOkAsync(first)).Text("refresh_token");
        Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await RefreshOkAsync(first);

        again.Text("refresh_token").Should().Be(second);
        Emulator.Server.IsRefreshTokenActive(second).Should().BeTrue();
    }

    [Test]
    public async Task Refresh_OldTokenWithinInterval_IssuesNewToken()
    {
        var first = (await Emulator.SignInSessionAsync()).Text("refresh_token");
        var second = (await RefreshOkAsync(first)).Text("refresh_token");
        var third = (await RefreshOkAsync(second)).Text("refresh_token");
        Clock.Advance(TimeSpan.FromSeconds(9));

        var reused = await RefreshOkAsync(first);

        reused.Text("refresh_token").Should().NotBe(third);
        reused.Text("refresh_token").Should().NotBe(first);
    }

    [Test]
    public async Task Refresh_OldTokenAfterInterval_RevokesSession()
    {
        var first = (await Emulator.SignInSessionAsync()).Text("refresh_token");
        var second = (await RefreshOkAsync(first)).Text("refresh_token");
        var third = (await RefreshOkAsync(second)).Text("refresh_token");
        Clock.Advance(TimeSpan.FromSeconds(11));

        using var response = await Emulator.RefreshAsync(first);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("refresh_token_already_used");
        body.Text("message").Should().Be("Invalid Refresh Token: Already Used");
        Emulator.Server.IsRefreshTokenActive(third).Should().BeFalse();
    }

    [Test]
    public async Task Refresh_AfterFamilyRevocation_RejectsCurrentToken()
    {
        var first = (await Emulator.SignInSessionAsync()).Text("refresh_token");
        var second = (await RefreshOkAsync(first)).Text("refresh_token");
        var third = (await RefreshOkAsync(second)).Text("refresh_token");
        Clock.Advance(TimeSpan.FromSeconds(11));
        using var reuse = await Emulator.RefreshAsync(first);
        Clock.Advance(TimeSpan.FromSeconds(11));

        using var response = await Emulator.RefreshAsync(third);

        (await Json.ReadAsync(response)).Text("code").Should().Be("refresh_token_already_used");
    }

    [Test]
    public async Task Refresh_ShorterReuseInterval_IsHonored()
    {
        await using var strict = await TestEmulator.StartAsync(options =>
        {
            options.TimeProvider = Clock;
            options.RefreshTokenReuseInterval = TimeSpan.FromSeconds(2);
        });
        var first = (await strict.SignInSessionAsync()).Text("refresh_token");
        using var rotate = await strict.RefreshAsync(first);
        var second = (await Json.ReadAsync(rotate)).Text("refresh_token");
        using var rotateAgain = await strict.RefreshAsync(second);
        Clock.Advance(TimeSpan.FromSeconds(3));

        using var response = await strict.RefreshAsync(first);

        (await Json.ReadAsync(response)).Text("code").Should().Be("refresh_token_already_used");
    }

    [Test]
    public async Task Refresh_UnknownToken_Returns400NotFound()
    {
        using var response = await Emulator.RefreshAsync("abcdefghijkl");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("refresh_token_not_found");
        body.Text("message").Should().Be("Invalid Refresh Token: Refresh Token Not Found");
    }

    [TestCase("")]
    [TestCase("short")]
    [TestCase("ABCDEFGHIJKL")]
    [TestCase("abcdefghijklm")]
    public async Task Refresh_MalformedToken_Returns400ValidationFailed(string token)
    {
        using var response = await Emulator.RefreshAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("validation_failed");
        body.Text("message").Should().Be("Refresh token is not valid");
    }

    [Test]
    public async Task Refresh_LoneSurrogateEscape_Returns400ValidationFailed()
    {
        using var response = await Emulator.SendAuthAsync(
            HttpMethod.Post, "token?grant_type=refresh_token", "{\"refresh_token\":\"\\ud800\"}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(response)).Text("code").Should().Be("validation_failed");
    }

    [Test]
    public async Task Refresh_AfterSignOut_Returns400NotFound()
    {
        var session = await Emulator.SignInSessionAsync();
        var accessToken = session.Text("access_token");
        using var logout = await Emulator.SendAuthAsync(HttpMethod.Post, "logout", bearer: accessToken);

        using var response = await Emulator.RefreshAsync(session.Text("refresh_token"));

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Json.ReadAsync(response)).Text("code").Should().Be("refresh_token_not_found");
    }

    [Test]
    public async Task Refresh_NewAccessToken_KeepsSessionId()
    {
        var session = await Emulator.SignInSessionAsync();

        var refreshed = await RefreshOkAsync(session.Text("refresh_token"));

        AccessTokens.SessionId(refreshed).Should().Be(AccessTokens.SessionId(session));
        Emulator.Server.ActiveSessionIds.Should().Equal(AccessTokens.SessionId(session));
    }

    private async Task<JsonElement> RefreshOkAsync(string refreshToken)
    {
        using var response = await Emulator.RefreshAsync(refreshToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json.ReadAsync(response);
    }
}
