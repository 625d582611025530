using System.Net;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Errors;

/// <summary>
/// Bodies that Supabase Auth never sends: a proxy's error page, an empty or cut-off body, or another JSON shape.
/// </summary>
public class InvalidResponseTests
{
    private const string Html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

    [TestCase(502, Html, "text/html", true)]
    [TestCase(503, "", "text/plain", true)]
    [TestCase(400, Html, "text/html", false)]
    [TestCase(400, "", "application/json", false)]
    [TestCase(400, """{"code":"bad_jwt","mess""", "application/json", false)]
    [TestCase(401, "Unauthorized", "text/plain", false)]
    [TestCase(400, """["bad_jwt"]""", "application/json", false)]
    [TestCase(400, """{"detail":"not found"}""", "application/json", false)]
    [TestCase(400, """{"code":""}""", "application/json", false)]
    public async Task RefreshSessionAsync_NotSupabaseErrorBody_ThrowsInvalidResponse(
        int status, string body, string mediaType, bool retryable)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() => Responses.Text(status, body, mediaType));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.StatusCode.Should().Be(status);
        exception.ServerMessage.Should().BeNull();
        exception.IsRetryable.Should().Be(retryable);
        exception.Message.Should().Contain("not a Supabase Auth response");
        exception.Message.Should().Contain($"HTTP {status}");
        exception.Message.Should().Contain("content type " + mediaType);
    }

    [TestCase(Html, "text/html")]
    [TestCase("", "application/json")]
    [TestCase("""{"access_token":"abc","refresh""", "application/json")]
    [TestCase("ok", "text/plain")]
    [TestCase("""["access_token"]""", "application/json")]
    [TestCase("""{"access_token":42,"refresh_token":"r","expires_in":3600}""", "application/json")]
    public async Task ExchangeCodeAsync_SuccessWithoutSession_ThrowsInvalidResponse(string body, string mediaType)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() => Responses.Text(200, body, mediaType));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.ExchangeCode);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.StatusCode.Should().Be(200);
        exception.IsRetryable.Should().BeFalse();
        exception.Message.Should().Contain("not a Supabase Auth response");
        exception.Message.Should().Contain("content type " + mediaType);
    }

    [Test]
    public async Task GetUserAsync_NoContentType_SaysNone()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() => new HttpResponseMessage(HttpStatusCode.BadGateway));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.Message.Should().Contain("content type (none)");
    }

    [Test]
    public async Task GetUserAsync_HtmlWithCodeHeader_TakesHeaderCode()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() =>
        {
            var response = Responses.Text(403, Html, "text/html");
            response.Headers.Add("x-sb-error-code", "bad_jwt");
            return response;
        });

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ErrorCode.Should().Be("bad_jwt");
        exception.StatusCode.Should().Be(403);
    }

    [Test]
    public async Task GetUserAsync_BodyOverLimit_ThrowsInvalidResponse()
    {
        using var host = new AuthTestHost();
        var padding = new string('a', ResponseBodyReader.MaxBodyBytes);
        host.Handler.RespondWith(() => Responses.Json(200, $$"""{"id":"u-1","padding":"{{padding}}"}"""));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.Message.Should().Contain("too large");
    }

    [Test]
    public async Task GetUserAsync_BodyOverLimitWithoutLength_ThrowsInvalidResponse()
    {
        using var host = new AuthTestHost();
        var body = new byte[ResponseBodyReader.MaxBodyBytes + 1];
        host.Handler.RespondWith(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new UnknownLengthStream(body)),
        });

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.Message.Should().Contain("too large");
    }

    [Test]
    public async Task GetUserAsync_BodyJustUnderLimit_ReadsUser()
    {
        using var host = new AuthTestHost();
        var prefix = """{"id":"u-1","padding":" """.TrimEnd();
        var padding = new string('a', ResponseBodyReader.MaxBodyBytes - prefix.Length - 2);
        host.Handler.RespondWith(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(
                prefix + padding + "\"}"))),
        });

        var user = await host.Service.GetUserAsync(SampleResponses.AccessToken);

        user.Id.Should().Be("u-1");
    }
}
