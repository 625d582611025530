namespace SupabaseBitbucket;

/// <summary>
/// The server-controlled part of a user's metadata (<c>app_metadata</c>), which the user cannot change.
/// </summary>
public sealed class SupabaseAppMetadata
{
    /// <summary>Gets the provider the user first signed in with, such as <c>bitbucket</c>.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets every provider linked to the user.</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];
}
