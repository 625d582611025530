namespace SupabaseBitbucket;

/// <summary>
/// Base64url without padding (RFC 4648 section 5), which net8.0 lacks as a public API.
/// </summary>
internal static class Base64UrlEncoding
{
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
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
