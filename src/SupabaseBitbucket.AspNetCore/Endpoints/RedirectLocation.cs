using System.Globalization;
using System.Text;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Turns a local URL into a value that a <c>Location</c> header can carry.
/// </summary>
/// <remarks>
/// <see cref="LocalRedirect"/> accepts characters beyond ASCII in a path, as browsers do, but Kestrel rejects them
/// in a response header and the request would end in a 500. They are percent-encoded as UTF-8, which is what a
/// browser sends for them anyway, so the user still lands on the same page.
/// </remarks>
internal static class RedirectLocation
{
    public static string Encode(string localUrl)
    {
        if (Ascii.IsValid(localUrl))
        {
            return localUrl;
        }

        var encoded = new StringBuilder(localUrl.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in localUrl.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var value in utf8[..length])
            {
                encoded.Append('%').Append(value.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
