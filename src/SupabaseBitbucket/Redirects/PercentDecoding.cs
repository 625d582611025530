using System.Text;

namespace SupabaseBitbucket;

/// <summary>
/// Lenient percent-decoding: valid <c>%XX</c> escapes become bytes, anything else stays as it is.
/// </summary>
internal static class PercentDecoding
{
    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
                continue;
            }

            var length = Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            for (var j = 0; j < length; j++)
            {
                bytes.Add(utf8[j]);
            }
        }

        // Invalid UTF-8 decodes to U+FFFD, which no check treats as a slash.
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
