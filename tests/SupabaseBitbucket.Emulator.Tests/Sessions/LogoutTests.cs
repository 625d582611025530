using System.Net;
using System.Text.Json;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Sessions;

public class LogoutTests : EmulatorTest
{
    private JsonElement aliceFirst;
    private JsonElement aliceSecond;
    private JsonElement bob;

    [SetUp]
    public async Task SignInAsync()
    {
        aliceFirst = await Emulator.SignInSessionAsync("alice");
        aliceSecond = await Emulator.SignInSessionAsync("alice");
        bob = await Emulator.SignInSessionAsync("bob");
    }

    [TestCase("?scope=global")]
    [TestCase("")]
    public async Task Logout_GlobalScope_EndsEveryUserSession(string query)
    {
        using var response = await LogoutAsync(aliceFirst, query);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        Emulator.Server.ActiveSessionIds.Should().Equal(AccessTokens.SessionId(bob));
    }

    [Test]
    public async Task Logout_LocalScope_EndsOnlyThisSession()
    {
        using var response = await LogoutAsync(aliceFirst, "?scope=local");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Emulator.Server.ActiveSessionIds.Should().BeEquivalentTo(
            [AccessTokens.SessionId(aliceSecond), AccessTokens.SessionId(bob)]);
    }

    [Test]
    public async Task Logout_OthersScope_KeepsOnlyThisSession()
    {
        using var response = await LogoutAsync(aliceFirst, "?scope=others");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Emulator.Server.ActiveSessionIds.Should().BeEquivalentTo(
            [AccessTokens.SessionId(aliceFirst), AccessTokens.SessionId(bob)]);
    }

    [Test]
    public async Task Logout_UnknownScope_Returns400AndKeepsSessions()
    {
        using var response = await LogoutAsync(aliceFirst, "?scope=everything");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("validation_failed");
        body.Text("message").Should().Be("Unsupported logout scope \"everything\"");
        Emulator.Server.ActiveSessionIds.Should().HaveCount(3);
    }

    [Test]
    public async Task Logout_SessionAlreadyEnded_Returns403SessionNotFound()
    {
        using var first = await LogoutAsync(aliceFirst, "?scope=local");

        using var second = await LogoutAsync(aliceFirst, "?scope=local");

        second.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(second)).Text("code").Should().Be("session_not_found");
    }

    [Test]
    public async Task Logout_WithoutBearer_Returns401NoAuthorization()
    {
        using var response = await Emulator.SendAuthAsync(HttpMethod.Post, "logout");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Json.ReadAsync(response)).Text("code").Should().Be("no_authorization");
        Emulator.Server.ActiveSessionIds.Should().HaveCount(3);
    }

    [Test]
    public async Task Logout_GarbageToken_Returns403BadJwt()
    {
        using var response = await Emulator.SendAuthAsync(HttpMethod.Post, "logout", bearer: "not.a.jwt");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(response)).Text("code").Should().Be("bad_jwt");
    }

    private Task<HttpResponseMessage> LogoutAsync(JsonElement session, string query) =>
        Emulator.SendAuthAsync(HttpMethod.Post, "logout" + query, bearer: session.Text("access_token"));
}
