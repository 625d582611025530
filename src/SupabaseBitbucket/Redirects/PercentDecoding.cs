using System.Buffers;
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

        // Each character becomes at most three UTF-8 bytes. A lone surrogate becomes the three of U+FFFD.
        var buffer = ArrayPool<byte>.Shared.Rent(value.Length * 3);
        try
        {
            var length = 0;
            var literalStart = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
                {
                    length += Encoding.UTF8.GetBytes(value.AsSpan(literalStart, i - literalStart), buffer.AsSpan(length));
                    buffer[length++] = (byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]));
                    i += 2;
                    literalStart = i + 1;
                }
            }

            length += Encoding.UTF8.GetBytes(value.AsSpan(literalStart), buffer.AsSpan(length));

            // Invalid UTF-8 decodes to U+FFFD, which no check treats as a slash.
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
