using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket.ConformanceTests.Recording;

/// <summary>
/// An HTTP server on 127.0.0.1 that records every request and responds to the Supabase Auth endpoints with canned
/// successes: a session from <c>/token</c>, the user from <c>/user</c> and 204 from <c>/logout</c>.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The project URL, such as <c>http://127.0.0.1:40123</c>, without a trailing slash.</summary>
    public string Url { get; private set; } = string.Empty;

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        server.Url = address.TrimEnd('/');
        return server;
    }

    /// <summary>Returns the requests received since the last call, in order, and clears them.</summary>
    public List<RecordedRequest> TakeRequests()
    {
        var requests = new List<RecordedRequest>();
        while (_requests.TryDequeue(out var request))
        {
            requests.Add(request);
        }

        return requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // The raw target keeps the encoding exactly as the client sent it, while Request.Path is already decoded.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? target : target[..queryStart];
        var query = queryStart < 0 ? string.Empty : target[(queryStart + 1)..];

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(
            header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, path, query, headers, body));

        switch (path)
        {
            case "/auth/v1/token":
                await WriteJsonAsync(context, CannedResponses.Session);
                break;
            case "/auth/v1/user":
                await WriteJsonAsync(context, CannedResponses.User);
                break;
            case "/auth/v1/logout":
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static Task WriteJsonAsync(HttpContext context, string json)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }
}
