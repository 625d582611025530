using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SupabaseBitbucket.Emulator.Hosting;

namespace SupabaseBitbucket.Emulator.Tests.Hosting;

public class RequestLoggingTests
{
    [Test]
    public async Task HandleAsync_EndpointThrows_Returns500Json()
    {
        var settings = EmulatorSettings.Create(new SupabaseAuthEmulatorOptions());
        var runtime = new EmulatorRuntime(settings, NullLogger.Instance, EmulatorAccount.CreateDefaults())
        {
            BaseUrl = "http://127.0.0.1:54321",
        };
        var logging = new RequestLogging(runtime, new RequestRouter(runtime));
        using var body = new FailingOnceStream();
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/";
        context.Response.Body = body;

        await logging.HandleAsync(context);

        context.Response.StatusCode.Should().Be(500);
        context.Response.ContentType.Should().Be("application/json");
        context.Response.Headers["x-sb-error-code"].ToString().Should().Be("unexpected_failure");
        Encoding.UTF8.GetString(body.ToArray()).Should().Be(
            "{\"code\":500,\"error_code\":\"unexpected_failure\","
            + "\"msg\":\"Unexpected failure, please check server logs for more information\"}");
    }

    /// <summary>A response body whose first write fails, as a handler bug would.</summary>
    private sealed class FailingOnceStream : MemoryStream
    {
        private bool failed;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!failed)
            {
                failed = true;
                throw new InvalidOperationException("The handler failed.");
            }

            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
