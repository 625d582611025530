namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>A request as it reached the primary handler, with raw header values and the body as text.</summary>
internal sealed record RecordedRequest(
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> ContentHeaders,
    string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ContentHeader(string name) => ContentHeaders.TryGetValue(name, out var value) ? value : null;
}
