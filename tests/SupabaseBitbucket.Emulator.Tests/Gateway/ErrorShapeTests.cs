using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Gateway;

public class ErrorShapeTests : EmulatorTest
{
    [TestCase("2024-01-01")]
    [TestCase("2025-06-30")]
    public async Task Error_Version2024OrLater_UsesModernBody(string version)
    {
        using var response = await Emulator.SendAuthAsync(
            HttpMethod.Post, "token?grant_type=pkce", "{}", apiVersion: version);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"code\":\"validation_failed\","
            + "\"message\":\"invalid request: both auth code and code verifier should be non-empty\"}");
        response.Headers.GetValues("X-Supabase-Api-Version").Should().Equal("2024-01-01");
        response.Headers.GetValues("x-sb-error-code").Should().Equal("validation_failed");
    }

    [TestCase(null)]
    [TestCase("2023-12-31")]
    [TestCase("yesterday")]
    public async Task Error_NoOrOlderVersion_UsesLegacyBody(string? version)
    {
        using var response = await Emulator.SendAuthAsync(
            HttpMethod.Post, "token?grant_type=pkce", "{}", apiVersion: version);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"code\":400,\"error_code\":\"validation_failed\","
            + "\"msg\":\"invalid request: both auth code and code verifier should be non-empty\"}");
        response.Headers.Contains("X-Supabase-Api-Version").Should().BeFalse();
        response.Headers.GetValues("x-sb-error-code").Should().Equal("validation_failed");
    }

    [Test]
    public async Task Error_Body_IsJson()
    {
        using var response = await Emulator.SendAuthAsync(HttpMethod.Post, "token?grant_type=pkce", "{}");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }
}
