using System.Buffers.Text;

namespace SupabaseBitbucket;

/// <summary>
/// Base64url without padding (RFC 4648 section 5). On .NET 9 and later the work goes to
/// <c>System.Buffers.Text.Base64Url</c>. net8.0 lacks it, so there the class translates standard base64.
/// </summary>
internal static class Base64UrlEncoding
{
    /// <summary>The longest input the span methods accept, because net8.0 encodes on the stack. PKCE values are 32 bytes.</summary>
    private const int MaxSpanInputBytes = 96;

    /// <summary>Returns how many characters encode <paramref name="byteCount"/> bytes without padding.</summary>
    public static int GetEncodedLength(int byteCount) => ((byteCount * 4) + 2) / 3;

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
#if NET9_0_OR_GREATER
        return Base64Url.EncodeToString(bytes);
#else
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
#endif
    }

    /// <summary>Writes the ASCII bytes of the encoding and returns how many it wrote.</summary>
    public static int EncodeToUtf8(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        ThrowIfTooLong(bytes);
#if NET9_0_OR_GREATER
        return Base64Url.EncodeToUtf8(bytes, destination);
#else
        Span<byte> padded = stackalloc byte[MaxSpanInputBytes / 3 * 4];
        Base64.EncodeToUtf8(bytes, padded, out _, out _);
        var length = GetEncodedLength(bytes.Length);
        for (var i = 0; i < length; i++)
        {
            destination[i] = padded[i] switch
            {
                (byte)'+' => (byte)'-',
                (byte)'/' => (byte)'_',
                var b => b,
            };
        }

        return length;
#endif
    }

    /// <summary>Writes the characters of the encoding and returns how many it wrote.</summary>
    public static int EncodeToChars(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        ThrowIfTooLong(bytes);
#if NET9_0_OR_GREATER
        return Base64Url.EncodeToChars(bytes, destination);
#else
        Span<byte> ascii = stackalloc byte[MaxSpanInputBytes / 3 * 4];
        var length = EncodeToUtf8(bytes, ascii);
        for (var i = 0; i < length; i++)
        {
            destination[i] = (char)ascii[i];
        }

        return length;
#endif
    }

    private static void ThrowIfTooLong(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxSpanInputBytes)
        {
            throw new ArgumentOutOfRangeException(
                nameof(bytes), bytes.Length, $"Encode at most {MaxSpanInputBytes} bytes into a span.");
        }
    }

    /// <summary>Decodes base64url text, or returns <see langword="null"/> when it is not valid.</summary>
    public static byte[]? TryDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        switch (base64.Length % 4)
        {
            case 2:
                base64 += "==";
                break;
            case 3:
                base64 += "=";
                break;
            case 1:
                return null;
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
