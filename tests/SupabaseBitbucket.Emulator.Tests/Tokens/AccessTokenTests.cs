using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Tokens;

public class AccessTokenTests : EmulatorTest
{
    private const string Secret = "a-fixed-jwt-secret-of-at-least-32-characters";

    private JsonElement session;

    [SetUp]
    public async Task SignInAsync() => session = await Emulator.SignInSessionAsync("alice");

    protected override void Configure(SupabaseAuthEmulatorOptions options) => options.JwtSecret = Secret;

    [Test]
    public async Task AccessToken_JwtLibrary_ValidatesWithJwtSecret()
    {
        var result = await ValidateAsync(Secret);

        result.IsValid.Should().BeTrue(result.Exception?.Message);
        Emulator.Server.JwtSecret.Should().Be(Secret);
    }

    [Test]
    public async Task AccessToken_OtherSecret_FailsValidation()
    {
        var result = await ValidateAsync("some-other-secret-with-at-least-32-characters");

        result.IsValid.Should().BeFalse();
    }

    [Test]
    public void AccessToken_Header_IsHs256Jwt()
    {
        var token = new JsonWebToken(session.Text("access_token"));

        token.Alg.Should().Be("HS256");
        token.Typ.Should().Be("JWT");
    }

    [Test]
    public void AccessToken_Claims_MatchSupabase()
    {
        var claims = AccessTokens.ReadClaims(session.Text("access_token"));
        var user = session.GetProperty("user");

        claims.Text("iss").Should().Be(Emulator.Server.Url.GetLeftPart(UriPartial.Authority) + "/auth/v1");
        claims.Text("aud").Should().Be("authenticated");
        claims.Text("sub").Should().Be(user.Text("id"));
        claims.Text("email").Should().Be("alice@example.com");
        claims.Text("phone").Should().BeEmpty();
        claims.Text("role").Should().Be("authenticated");
        claims.Text("aal").Should().Be("aal1");
        claims.GetProperty("is_anonymous").GetBoolean().Should().BeFalse();
        claims.GetProperty("app_metadata").Text("provider").Should().Be("bitbucket");
        claims.GetProperty("user_metadata").Text("full_name").Should().Be("Alice Marlowe");
        Emulator.Server.ActiveSessionIds.Should().Contain(claims.Text("session_id"));
    }

    [Test]
    public void AccessToken_Amr_NamesOauthWithTimestamp()
    {
        var claims = AccessTokens.ReadClaims(session.Text("access_token"));

        var amr = claims.GetProperty("amr").EnumerateArray().Single();
        amr.Text("method").Should().Be("oauth");
        amr.GetProperty("timestamp").GetInt64().Should().BeCloseTo(claims.GetProperty("iat").GetInt64(), 5);
    }

    [Test]
    public void AccessToken_Lifetime_MatchesExpiresIn()
    {
        var claims = AccessTokens.ReadClaims(session.Text("access_token"));

        var lifetime = claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64();
        lifetime.Should().Be(session.GetProperty("expires_in").GetInt64());
        claims.GetProperty("exp").GetInt64().Should().Be(session.GetProperty("expires_at").GetInt64());
    }

    [Test]
    public async Task AccessToken_ShorterLifetimeOption_IsUsed()
    {
        await using var shortLived = await TestEmulator.StartAsync(
            options => options.AccessTokenLifetime = TimeSpan.FromMinutes(5));

        var body = await shortLived.SignInSessionAsync();

        body.GetProperty("expires_in").GetInt64().Should().Be(300);
    }

    private Task<TokenValidationResult> ValidateAsync(string secret) =>
        new JsonWebTokenHandler().ValidateTokenAsync(session.Text("access_token"), new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidIssuer = Emulator.Server.Url.GetLeftPart(UriPartial.Authority) + "/auth/v1",
            ValidAudience = "authenticated",
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
}
