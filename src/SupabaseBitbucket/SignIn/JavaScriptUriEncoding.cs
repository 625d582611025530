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
        return Encode(value, form: false);
    }

    /// <summary>Encodes like <c>URLSearchParams.toString()</c>: only <c>A-Z a-z 0-9 * - . _</c> stay, space becomes +.</summary>
    public static string EncodeFormComponent(string value)
    {
        return Encode(value, form: true);
    }

    private static string Encode(string value, bool form)
    {
        var first = FirstToEncode(value, form);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 32);
        builder.Append(value, 0, first);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c, form))
            {
                builder.Append(c);
                continue;
            }

            if (c == ' ' && form)
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
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Returns the index of the first character that needs encoding, or -1 when none does.</summary>
    private static int FirstToEncode(string value, bool form)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsUnreserved(value[i], form))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnreserved(char c, bool form)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        return form
            ? c is '*' or '-' or '.' or '_'
            : c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')';
    }
}
