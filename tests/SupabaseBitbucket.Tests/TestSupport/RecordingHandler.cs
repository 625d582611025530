using System.Net;
using System.Net.Http.Headers;

namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>
/// A primary HTTP handler that records each request and returns the response that <see cref="Respond"/> builds.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

    /// <summary>Returns the same status and JSON body for every request.</summary>
    public void RespondWithJson(int status, string json, Action<HttpResponseMessage>? configure = null)
    {
        Respond = (_, _) =>
        {
            var response = Responses.Json(status, json);
            configure?.Invoke(response);
            return Task.FromResult(response);
        };
    }

    public void RespondWith(Func<HttpResponseMessage> create)
    {
        Respond = (_, _) => Task.FromResult(create());
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            ReadRaw(request.Headers.NonValidated),
            request.Content is null ? new Dictionary<string, string>() : ReadRaw(request.Content.Headers.NonValidated),
            body);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        var response = await Respond(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private static Dictionary<string, string> ReadRaw(HttpHeadersNonValidated headers)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            values[name] = string.Join(", ", value);
        }

        return values;
    }
}
