using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

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

    [Test]
    public async Task HandleAsync_LongPath_LogsTruncatedPath()
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await TestEmulator.StartAsync(options =>
            options.ConfigureLogging = logging => logging.AddProvider(provider));
        var path = "/" + new string('p', 4999);

        using var response = await emulator.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var line = await WaitForLineAsync(provider, "returned 404");
        line.Should().Contain("GET /" + new string('p', 199) + "...[truncated, 5000 characters] returned 404");
        line.Length.Should().BeLessThan(300);
    }

    [Test]
    public async Task Callback_LongProviderError_LogsTruncatedError()
    {
        var provider = new RecordingLoggerProvider();
        await using var emulator = await TestEmulator.StartAsync(options =>
            options.ConfigureLogging = logging => logging.AddProvider(provider));
        var state = Query.Parse((await emulator.AuthorizeAsync()).Query)["state"];
        var error = new string('e', 5000);

        using var response = await emulator.GetAsync($"auth/v1/callback?state={state}&error={error}");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        var line = await WaitForLineAsync(provider, "OAuth callback failed");
        line.Should().Contain(new string('e', 200) + "...[truncated, 5000 characters]");
        line.Length.Should().BeLessThan(300);
    }

    /// <summary>Waits for a line, which the emulator may log after the client has read the response.</summary>
    private static async Task<string> WaitForLineAsync(RecordingLoggerProvider provider, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var line = provider.Lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
            if (line is not null || DateTime.UtcNow > deadline)
            {
                return line ?? $"no line contains '{text}'";
            }

            await Task.Delay(20);
        }
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
