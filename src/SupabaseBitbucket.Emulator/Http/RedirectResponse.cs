using System.Text;
using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>
/// Sends redirects as Go's <c>http.Redirect</c> does for Supabase Auth: every byte of the UTF-8 location at
/// or above 0x80 is percent-encoded, so a redirect target with non-ASCII characters stays a valid header.
/// </summary>
internal static class RedirectResponse
{
    public static void Send(HttpContext context, string location, int status = StatusCodes.Status302Found)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = EscapeNonAscii(location);
    }

    public static string EscapeNonAscii(string location)
    {
        if (location.All(char.IsAscii))
        {
            return location;
        }

        var builder = new StringBuilder(location.Length);
        foreach (var b in Encoding.UTF8.GetBytes(location))
        {
            if (b < 0x80)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
