using System.Text;

namespace SupabaseBitbucket;

/// <summary>
/// Percent-encoding that matches the browser functions the official JavaScript client uses,
/// so the authorize URL is byte-for-byte what that client sends for the same input.
/// </summary>
internal static class JavaScriptUriEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

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

    /// <summary>Returns the length of <paramref name="value"/> encoded by <see cref="EncodeUriComponent(string)"/>.</summary>
    public static int GetUriComponentLength(string value)
    {
        return Write(value, form: false, destination: default, write: false);
    }

    /// <summary>
    /// Writes <paramref name="value"/> encoded by <see cref="EncodeUriComponent(string)"/> and returns the characters
    /// written. <paramref name="destination"/> must hold <see cref="GetUriComponentLength"/> characters.
    /// </summary>
    public static int EncodeUriComponent(string value, Span<char> destination)
    {
        return Write(value, form: false, destination, write: true);
    }

    private static string Encode(string value, bool form)
    {
        if (FirstToEncode(value, form) < 0)
        {
            return value;
        }

        var length = Write(value, form, destination: default, write: false);
        return string.Create(
            length, (value, form), static (destination, state) => Write(state.value, state.form, destination, write: true));
    }

    /// <summary>
    /// Encodes <paramref name="value"/> into <paramref name="destination"/>, or only counts the characters when
    /// <paramref name="write"/> is <see langword="false"/>, so that both passes follow the same rules.
    /// </summary>
    private static int Write(string value, bool form, Span<char> destination, bool write)
    {
        var written = 0;
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c, form) || (c == ' ' && form))
            {
                if (write)
                {
                    destination[written] = c == ' ' ? '+' : c;
                }

                written++;
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
                if (write)
                {
                    destination[written] = '%';
                    destination[written + 1] = HexDigits[b >> 4];
                    destination[written + 2] = HexDigits[b & 0xF];
                }

                written += 3;
            }
        }

        return written;
    }

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
