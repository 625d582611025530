using System.Text;

namespace SupabaseBitbucket;

/// <summary>
/// Percent-encoding that matches the browser functions the official JavaScript client uses,
/// so the authorize URL is byte-for-byte what that client sends for the same input.
/// </summary>
internal static class JavaScriptUriEncoding
{
    /// <summary>Encodes like ECMAScript <c>encodeURIComponent</c>: only <c>A-Z a-z 0-9 - _ . ! ~ * ' ( )</c> stay.</summary>
    public static string EncodeUriComponent(string value)
    {
        return Encode(value, static c => IsAsciiAlphanumeric(c) || "-_.!~*'()".Contains(c), spaceAsPlus: false);
    }

    /// <summary>Encodes like <c>URLSearchParams.toString()</c>: only <c>A-Z a-z 0-9 * - . _</c> stay, space becomes +.</summary>
    public static string EncodeFormComponent(string value)
    {
        return Encode(value, static c => IsAsciiAlphanumeric(c) || "*-._".Contains(c), spaceAsPlus: true);
    }

    private static string Encode(string value, Func<char, bool> isUnreserved, bool spaceAsPlus)
    {
        var builder = new StringBuilder(value.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (isUnreserved(c))
            {
                builder.Append(c);
                continue;
            }

            if (c == ' ' && spaceAsPlus)
            {
                builder.Append('+');
                continue;
            }

            // A lone surrogate becomes U+FFFD, as URLSearchParams does; encodeURIComponent would throw.
            Rune rune;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                rune = new Rune(c, value[i + 1]);
                i++;
            }
            else
            {
                rune = Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsAsciiAlphanumeric(char c) => char.IsAsciiLetterOrDigit(c);
}
