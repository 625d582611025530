namespace SupabaseBitbucket;

/// <summary>
/// Decides whether a "next" URL from a query string may be used as a redirect target on this site.
/// </summary>
/// <remarks>
/// A local URL is a path that starts with one <c>/</c>, such as <c>/profile?tab=repos#top</c>. The rules are
/// stricter than ASP.NET Core's <c>IsLocalUrl</c> because browsers rewrite URLs before they follow them:
/// they treat <c>\</c> as <c>/</c> and drop tabs and line breaks, so <c>/\evil.example</c> and
/// <c>/&#9;/evil.example</c> both become <c>//evil.example</c>, another host. The same checks run again on the
/// URL percent-decoded once and twice, because some servers and proxies decode a path before they redirect.
/// </remarks>
public static class LocalRedirect
{
    /// <summary>The longest URL accepted as local, in characters.</summary>
    public const int MaxLength = 2048;

    private const int DecodeRounds = 2;

    /// <summary>
    /// Returns whether <paramref name="url"/> is a path on this site that is safe to redirect to.
    /// </summary>
    /// <param name="url">The candidate URL, usually a <c>next</c> query parameter.</param>
    /// <returns><see langword="true"/> for a safe local path; otherwise <see langword="false"/>.</returns>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength)
        {
            return false;
        }

        // The raw value may not contain whitespace at all: a valid URL encodes it.
        if (!IsLocalForm(url) || ContainsWhiteSpace(url))
        {
            return false;
        }

        var current = url;
        for (var round = 0; round < DecodeRounds; round++)
        {
            var decoded = PercentDecoding.Decode(current);
            if (decoded == current)
            {
                break;
            }

            if (!IsLocalForm(PathOf(decoded)))
            {
                return false;
            }

            current = decoded;
        }

        return true;
    }

    /// <summary>
    /// Returns <paramref name="next"/> when it is local, otherwise <paramref name="fallback"/>.
    /// </summary>
    /// <param name="next">The candidate URL, usually a <c>next</c> query parameter.</param>
    /// <param name="fallback">The local path to use instead; <c>/</c> by default.</param>
    /// <returns><paramref name="next"/> unchanged, query and fragment included, or <paramref name="fallback"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="fallback"/> is not itself a local URL.</exception>
    public static string Resolve(string? next, string fallback = "/")
    {
        if (!IsLocal(fallback))
        {
            throw new ArgumentException(
                $"The fallback '{fallback}' is not a local path. Pass a path that starts with a single '/'.",
                nameof(fallback));
        }

        return IsLocal(next) ? next! : fallback;
    }

    /// <summary>
    /// Checks one form of the URL: a single leading slash, and no character that a browser would turn into one.
    /// </summary>
    private static bool IsLocalForm(ReadOnlySpan<char> value)
    {
        if (value.Length == 0 || value[0] != '/')
        {
            return false;
        }

        if (value.Length > 1 && (value[1] == '/' || value[1] == '\\'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c == '\\' || char.IsControl(c) || IsSlashLookAlike(c))
            {
                return false;
            }
        }

        return !HasDotSegment(PathOf(value));
    }

    /// <summary>Dot segments let a path climb back to <c>//host</c> once a browser normalizes it.</summary>
    private static bool HasDotSegment(ReadOnlySpan<char> path)
    {
        while (true)
        {
            var end = path.IndexOf('/');
            var segment = end < 0 ? path : path[..end];
            if (segment is "." or "..")
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }

            path = path[(end + 1)..];
        }
    }

    private static ReadOnlySpan<char> PathOf(ReadOnlySpan<char> url)
    {
        var end = url.IndexOfAny('?', '#');
        return end < 0 ? url : url[..end];
    }

    private static bool ContainsWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Characters that look like a slash or backslash; some URL normalizers map them to the real ones.
    /// </summary>
    private static bool IsSlashLookAlike(char c)
    {
        return c is '\uFF0F' or '\uFF3C' or '\u2215' or '\u2216' or '\u2044' or '\u29F5' or '\u29F8' or '\u29F9'
            or '\uFE68' or '\u3033' or '\u3035';
    }
}
