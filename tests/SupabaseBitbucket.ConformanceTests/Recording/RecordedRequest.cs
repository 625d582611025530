namespace SupabaseBitbucket.ConformanceTests.Recording;

/// <summary>A request as the recording server received it: the raw request target split at the first '?'.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, still percent-encoded as sent.</param>
/// <param name="Query">The query string without the '?', as sent, or empty.</param>
/// <param name="Headers">The headers by case-insensitive name, repeated values joined with ", ".</param>
/// <param name="Body">The body as UTF-8 text, empty when there was none.</param>
internal sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
