namespace SupabaseBitbucket;

/// <summary>
/// Locations of the Supabase Auth API derived from the configured project URL.
/// </summary>
internal static class SupabaseEndpoints
{
    public static Uri AuthBaseUrl(SupabaseBitbucketOptions options)
    {
        var url = options.Url ?? throw new InvalidOperationException(
            "SupabaseBitbucketOptions.Url is not set. Configure the Supabase project URL.");
        return new Uri(url.TrimEnd('/') + "/auth/v1/", UriKind.Absolute);
    }
}
