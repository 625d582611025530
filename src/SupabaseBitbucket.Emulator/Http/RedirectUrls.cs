namespace SupabaseBitbucket.Emulator.Http;

/// <summary>Builds the redirect targets of Supabase Auth from a base URL, keeping its other parts.</summary>
internal static class RedirectUrls
{
    /// <summary>Adds parameters to the query, which is then re-encoded with its keys sorted.</summary>
    public static string WithQuery(string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Rebuild(url, parameters, fragment: null, replaceFragment: false);

    /// <summary>
    /// Adds parameters to the query and puts them, with an empty <c>sb</c> marker, in the fragment too.
    /// </summary>
    /// <remarks>
    /// Supabase Auth stores the already encoded fragment as the URL's decoded fragment, so Go escapes it
    /// once more when it writes the URL: each <c>%</c> of the encoding becomes <c>%25</c>. The emulator
    /// reproduces that double encoding.
    /// </remarks>
    public static string WithQueryAndFragment(string url, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var fragment = new QueryValues();
        foreach (var (key, value) in parameters)
        {
            fragment.Set(key, value);
        }

        fragment.Set("sb", string.Empty);
        var encoded = fragment.Encode().Replace("%", "%25", StringComparison.Ordinal);
        return Rebuild(url, parameters, encoded, replaceFragment: true);
    }

    private static string Rebuild(
        string url, IEnumerable<KeyValuePair<string, string>> parameters, string? fragment, bool replaceFragment)
    {
        var parsed = RawUrl.TryParse(url)
            ?? throw new InvalidOperationException($"The redirect target '{url}' is not a valid URL.");
        var query = QueryValues.Parse(parsed.Query);
        foreach (var (key, value) in parameters)
        {
            query.Set(key, value);
        }

        var finalFragment = replaceFragment ? fragment : parsed.Fragment;
        return parsed.BeforeQuery + "?" + query.Encode() + (finalFragment is null ? string.Empty : "#" + finalFragment);
    }
}
