namespace SupabaseBitbucket;

/// <summary>The <c>app_metadata</c> of a user object; fields other than these two are ignored.</summary>
internal sealed class AppMetadataResponse
{
    public string? Provider { get; set; }

    public List<string?>? Providers { get; set; }
}
