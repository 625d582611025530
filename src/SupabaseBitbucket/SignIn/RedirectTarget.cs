namespace SupabaseBitbucket;

/// <summary>
/// Checks for the absolute callback URLs that Supabase sends the browser back to.
/// </summary>
internal static class RedirectTarget
{
    public static bool IsAbsoluteHttp(string value)
    {
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
            && !value.AsSpan().ContainsAnyInRange('\u0000', '\u001F')
            && !value.AsSpan().ContainsAnyInRange('\u007F', '\u009F');
    }
}
