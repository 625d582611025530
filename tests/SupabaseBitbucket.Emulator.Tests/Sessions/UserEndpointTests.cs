using System.Net;
using System.Security.Cryptography;
using System.Text;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Sessions;

public class UserEndpointTests : EmulatorTest
{
    [Test]
    public async Task User_ValidToken_ReturnsUserOfSession()
    {
        var session = await Emulator.SignInSessionAsync("bob");

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user", bearer: session.Text("access_token"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = await Json.ReadAsync(response);
        user.Text("id").Should().Be(session.GetProperty("user").Text("id"));
        user.Text("email").Should().Be("bob@example.com");
        user.GetProperty("user_metadata").Text("name").Should().Be("Bob Tanaka");
    }

    [Test]
    public async Task User_WithoutBearer_Returns401NoAuthorization()
    {
        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("no_authorization");
        body.Text("message").Should().Be("This endpoint requires a valid Bearer token");
    }

    [Test]
    public async Task User_ExpiredToken_Returns403BadJwt()
    {
        var session = await Emulator.SignInSessionAsync();
        Clock.Advance(TimeSpan.FromSeconds(3601));

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user", bearer: session.Text("access_token"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("bad_jwt");
        body.Text("message").Should().Be(
            "invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired");
    }

    [Test]
    public async Task User_ForeignSignature_Returns403()
    {
        var session = await Emulator.SignInSessionAsync();
        var parts = session.Text("access_token").Split('.');
        var otherSecret = Encoding.UTF8.GetBytes("another-secret-of-at-least-32-characters");
        var signature = HMACSHA256.HashData(otherSecret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        var forged = parts[0] + "." + parts[1] + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user", bearer: forged);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var message = (await Json.ReadAsync(response)).Text("message");
        message.Should().EndWith("token signature is invalid: signature is invalid");
    }

    [Test]
    public async Task User_UnsignedToken_Returns403BadJwt()
    {
        var session = await Emulator.SignInSessionAsync();
        var payload = session.Text("access_token").Split('.')[1];
        var header = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\"}"));

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user", bearer: header + "." + payload + ".");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(response)).Text("message").Should().EndWith("signing method none is invalid");
    }

    [TestCase("{\"alg\":\"\\ud800\"}", "signing method \uFFFD is invalid")]
    [TestCase("{\"alg\":\"none\",\"al\\ud800\":1}", "signing method none is invalid")]
    public async Task User_LoneSurrogateInHeader_Returns403BadJwt(string header, string reason)
    {
        var encodedHeader = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header));

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user", bearer: encodedHeader + ".e30.x");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("bad_jwt");
        body.Text("message").Should().EndWith(reason);
    }

    [Test]
    public async Task User_PublishableKeyAsBearer_Returns403MissingSub()
    {
        var key = Emulator.Server.PublishableKey;

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user", bearer: key);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("bad_jwt");
        body.Text("message").Should().Be("invalid claim: missing sub claim");
    }

    [Test]
    public async Task User_AfterSignOut_Returns403SessionNotFound()
    {
        var session = await Emulator.SignInSessionAsync();
        var accessToken = session.Text("access_token");
        using var logout = await Emulator.SendAuthAsync(HttpMethod.Post, "logout", bearer: accessToken);

        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "user", bearer: session.Text("access_token"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = await Json.ReadAsync(response);
        body.Text("code").Should().Be("session_not_found");
        body.Text("message").Should().Be("Session from session_id claim in JWT does not exist");
    }
}
