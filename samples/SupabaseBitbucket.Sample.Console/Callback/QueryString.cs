namespace SupabaseBitbucket.Sample.Console.Callback;

/// <summary>Parses the query of a request target, as a browser encodes it.</summary>
internal static class QueryString
{
    /// <summary>
    /// Returns the decoded parameters of <paramref name="query"/> (without the leading <c>?</c>). A repeated key
    /// keeps its first value, and a parameter without <c>=</c> has an empty value.
    /// </summary>
    public static Dictionary<string, string> Parse(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            values.TryAdd(key, value);
        }

        return values;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
