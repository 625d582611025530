using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>
/// Reads JSON strings as Go's <c>encoding/json</c> decodes them: an escaped UTF-16 surrogate that is not half
/// of a valid pair, such as a lone <c>\ud800</c>, becomes U+FFFD. <see cref="JsonElement.GetString"/> throws
/// <see cref="InvalidOperationException"/> for such a string, although <see cref="JsonDocument"/> parses it.
/// </summary>
internal static class GoJsonString
{
    private const char ReplacementCharacter = '\uFFFD';

    /// <summary>Decodes the value of an element whose kind is <see cref="JsonValueKind.String"/>.</summary>
    public static string Read(JsonElement element)
    {
        // The raw value keeps its quotes.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return Decode(raw[1..^1]);
    }

    /// <summary>Decodes the name of a property.</summary>
    public static string ReadName(JsonProperty property) => Decode(JsonMarshal.GetRawUtf8PropertyName(property));

    /// <summary>
    /// Finds the last property of an object with exactly this name, as Go's <c>encoding/json</c> keeps the last
    /// of repeated keys in a map. <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> throws when
    /// another name of the object contains a lone surrogate.
    /// </summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        var found = false;
        foreach (var property in element.EnumerateObject())
        {
            if (ReadName(property) == name)
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// Decodes the text between the quotes of a JSON string that a <see cref="JsonDocument"/> has validated, so
    /// the bytes are UTF-8 and every escape is well formed.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> escaped)
    {
        var text = new StringBuilder(escaped.Length);
        var index = 0;
        while (index < escaped.Length)
        {
            var backslash = escaped[index..].IndexOf((byte)'\\');
            if (backslash != 0)
            {
                var end = backslash < 0 ? escaped.Length : index + backslash;
                text.Append(Encoding.UTF8.GetString(escaped[index..end]));
                index = end;
                continue;
            }

            var kind = (char)escaped[index + 1];
            if (kind != 'u')
            {
                text.Append(kind switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => kind, // '"', '\\' and '/' decode to themselves.
                });
                index += 2;
                continue;
            }

            var unit = ReadUnit(escaped, index);
            index += 6;
            if (!char.IsSurrogate(unit))
            {
                text.Append(unit);
            }
            else if (char.IsHighSurrogate(unit) && IsUnitEscape(escaped, index)
                && ReadUnit(escaped, index) is var low && char.IsLowSurrogate(low))
            {
                text.Append(unit).Append(low);
                index += 6;
            }
            else
            {
                // Go keeps an escape that follows an unpaired surrogate, so it is decoded on the next pass.
                text.Append(ReplacementCharacter);
            }
        }

        return text.ToString();
    }

    private static bool IsUnitEscape(ReadOnlySpan<byte> escaped, int index) =>
        index + 6 <= escaped.Length && escaped[index] == (byte)'\\' && escaped[index + 1] == (byte)'u';

    /// <summary>Reads the UTF-16 code unit of the <c>\uXXXX</c> escape at <paramref name="index"/>.</summary>
    private static char ReadUnit(ReadOnlySpan<byte> escaped, int index) =>
        (char)ushort.Parse(escaped.Slice(index + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
