using System.Text;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>
/// Query parameters parsed and encoded the way Supabase Auth (a Go server) does: encoding sorts the keys,
/// writes a space as <c>+</c> and escapes every byte outside <c>A-Z a-z 0-9 - _ . ~</c>.
/// </summary>
internal sealed class QueryValues
{
    private readonly SortedDictionary<string, List<string>> values = new(StringComparer.Ordinal);

    /// <summary>Parses a raw query, without its <c>?</c>; a pair with a broken escape is dropped.</summary>
    public static QueryValues Parse(string? rawQuery)
    {
        var result = new QueryValues();
        foreach (var pair in (rawQuery ?? string.Empty).Split('&'))
        {
            if (pair.Length == 0 || pair.Contains(';', StringComparison.Ordinal))
            {
                continue;
            }

            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var rawKey = separator < 0 ? pair : pair[..separator];
            var rawValue = separator < 0 ? string.Empty : pair[(separator + 1)..];
            if (TryUnescape(rawKey, out var key) && TryUnescape(rawValue, out var value))
            {
                result.Add(key, value);
            }
        }

        return result;
    }

    public IEnumerable<string> Keys => values.Keys;

    public void Add(string key, string value)
    {
        if (!values.TryGetValue(key, out var list))
        {
            list = [];
            values.Add(key, list);
        }

        list.Add(value);
    }

    public void Set(string key, string value) => values[key] = [value];

    public string? Get(string key) => values.TryGetValue(key, out var list) ? list[0] : null;

    public string Encode()
    {
        var builder = new StringBuilder();
        foreach (var (key, list) in values)
        {
            foreach (var value in list)
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                builder.Append(Escape(key)).Append('=').Append(Escape(value));
            }
        }

        return builder.ToString();
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool TryUnescape(string text, out string result)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                {
                    result = string.Empty;
                    return false;
                }

                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
                i += length - 1;
            }
        }

        result = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }
}
