namespace SupabaseBitbucket.Emulator.Http;

/// <summary>
/// A URL split the way Go's <c>net/url</c> splits it, which Supabase Auth uses for its redirect rules:
/// the scheme is lower-cased, the host keeps its case, and the port is the text after the last colon
/// (empty when the URL names none, even for the scheme's default port).
/// </summary>
internal sealed class RawUrl
{
    private RawUrl(string scheme, string hostname, string port, string beforeQuery, string? query, string? fragment)
    {
        Scheme = scheme;
        Hostname = hostname;
        Port = port;
        BeforeQuery = beforeQuery;
        Query = query;
        Fragment = fragment;
    }

    public string Scheme { get; }

    /// <summary>Gets the host without port or IPv6 brackets; empty for a relative or opaque URL.</summary>
    public string Hostname { get; }

    public string Port { get; }

    /// <summary>Gets the URL up to, not including, its <c>?</c> or <c>#</c>.</summary>
    public string BeforeQuery { get; }

    public string? Query { get; }

    public string? Fragment { get; }

    /// <summary>Parses a URL; returns <see langword="null"/> where Go's <c>url.Parse</c> fails.</summary>
    public static RawUrl? TryParse(string text)
    {
        if (text.Any(c => c < 0x20 || c == 0x7F))
        {
            return null;
        }

        var hashIndex = text.IndexOf('#', StringComparison.Ordinal);
        var fragment = hashIndex < 0 ? null : text[(hashIndex + 1)..];
        var rest = hashIndex < 0 ? text : text[..hashIndex];
        var questionIndex = rest.IndexOf('?', StringComparison.Ordinal);
        var query = questionIndex < 0 ? null : rest[(questionIndex + 1)..];
        var beforeQuery = questionIndex < 0 ? rest : rest[..questionIndex];

        if (!TrySplitScheme(beforeQuery, out var scheme, out var afterScheme))
        {
            return null;
        }

        var hostname = string.Empty;
        var port = string.Empty;
        if (afterScheme.StartsWith("//", StringComparison.Ordinal))
        {
            var authorityEnd = afterScheme.IndexOf('/', 2);
            var authority = authorityEnd < 0 ? afterScheme[2..] : afterScheme[2..authorityEnd];
            var host = authority[(authority.LastIndexOf('@') + 1)..];
            if (!TrySplitHost(host, out hostname, out port))
            {
                return null;
            }
        }

        return new RawUrl(scheme, hostname, port, beforeQuery, query, fragment);
    }

    private static bool TrySplitScheme(string text, out string scheme, out string rest)
    {
        scheme = string.Empty;
        rest = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'))
            {
                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    return false;
                }

                scheme = text[..i].ToLowerInvariant();
                rest = text[(i + 1)..];
            }

            return true;
        }

        return true;
    }

    private static bool TrySplitHost(string host, out string hostname, out string port)
    {
        hostname = host;
        port = string.Empty;
        string afterHost;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            hostname = host[1..close];
            afterHost = host[(close + 1)..];
        }
        else
        {
            var colon = host.LastIndexOf(':');
            hostname = colon < 0 ? host : host[..colon];
            afterHost = colon < 0 ? string.Empty : host[colon..];
        }

        if (afterHost.Length == 0)
        {
            return true;
        }

        if (afterHost[0] != ':' || !afterHost[1..].All(char.IsAsciiDigit))
        {
            return false;
        }

        port = afterHost[1..];
        return true;
    }
}
