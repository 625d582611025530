using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Hosting;

/// <summary>
/// Form bodies that ASP.NET Core cannot read, on the three endpoints that take forms: each gets a 400 in that
/// endpoint's error shape, not a 500.
/// </summary>
public class FormBodyTests : EmulatorTest
{
    private const string BrokenMultipart = "broken multipart";
    private const string TooManyFields = "1,025 fields";
    private const string ValueOverFourMebibytes = "a value over 4 MiB";

    [TestCase(BrokenMultipart)]
    [TestCase(TooManyFields)]
    [TestCase(ValueOverFourMebibytes)]
    public async Task Callback_BadForm_Returns400Json(string kind)
    {
        using var response = await Emulator.Http.PostAsync("auth/v1/callback", CreateForm(kind));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.GetValues("x-sb-error-code").Should().Equal("bad_oauth_callback");
        var body = await Json.ReadAsync(response);
        body.GetProperty("code").GetInt32().Should().Be(400);
        body.Text("error_code").Should().Be("bad_oauth_callback");
        body.Text("msg").Should().StartWith("Invalid form body: ");
    }

    [TestCase(BrokenMultipart)]
    [TestCase(TooManyFields)]
    [TestCase(ValueOverFourMebibytes)]
    public async Task BitbucketConsent_BadForm_Returns400Page(string kind)
    {
        using var response = await Emulator.Http.PostAsync("bitbucket/site/oauth2/authorize", CreateForm(kind));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Invalid form body: ");
    }

    [TestCase(BrokenMultipart)]
    [TestCase(TooManyFields)]
    [TestCase(ValueOverFourMebibytes)]
    public async Task BitbucketToken_BadForm_Returns400OAuthError(string kind)
    {
        using var response = await Emulator.Http.PostAsync("bitbucket/site/oauth2/access_token", CreateForm(kind));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await Json.ReadAsync(response);
        body.Text("error").Should().Be("invalid_request");
        body.Text("error_description").Should().StartWith("Invalid form body: ");
    }

    [Test]
    public async Task BitbucketToken_BodyOverKestrelLimit_Returns413()
    {
        // Kestrel rejects a body over its 30 MB limit while the form is read. A stream that throws the same
        // exception replaces sending that much.
        var settings = EmulatorSettings.Create(new SupabaseAuthEmulatorOptions());
        var runtime = new EmulatorRuntime(settings, NullLogger.Instance, EmulatorAccount.CreateDefaults());
        var router = new RequestRouter(runtime);
        using var responseBody = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/bitbucket/site/oauth2/access_token";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new TooLargeBodyStream();
        context.Response.Body = responseBody;

        await router.HandleAsync(context);

        context.Response.StatusCode.Should().Be(StatusCodes.Status413PayloadTooLarge);
        using var body = JsonDocument.Parse(responseBody.ToArray());
        body.RootElement.Text("error").Should().Be("invalid_request");
    }

    private static HttpContent CreateForm(string kind)
    {
        switch (kind)
        {
            case BrokenMultipart:
                var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nbroken"));
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
                return content;
            case TooManyFields:
                var fields = Enumerable.Range(0, 1025).Select(i => $"field{i}=value");
                return UrlEncoded(string.Join('&', fields));
            case ValueOverFourMebibytes:
                return UrlEncoded("state=" + new string('a', (4 * 1024 * 1024) + 1));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of form.");
        }
    }

    private static StringContent UrlEncoded(string text) =>
        new(text, Encoding.ASCII, "application/x-www-form-urlencoded");

    /// <summary>A request body that fails as Kestrel's does when the body is over its size limit.</summary>
    private sealed class TooLargeBodyStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);

        public override Task<int> ReadAsync(
            byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
    }
}
