namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>Reads a query string or fragment (with or without its leading <c>?</c> or <c>#</c>).</summary>
internal static class Query
{
    public static Dictionary<string, string> Parse(string text) =>
        text.TrimStart('?', '#')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                parts => Uri.UnescapeDataString(parts[0].Replace('+', ' ')),
                parts => parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty);
}
