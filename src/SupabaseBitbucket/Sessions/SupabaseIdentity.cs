using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// One provider account linked to a Supabase user, such as the user's Bitbucket account.
/// </summary>
public sealed class SupabaseIdentity
{
    /// <summary>Gets the identity's own id (a UUID).</summary>
    public string IdentityId { get; init; } = string.Empty;

    /// <summary>Gets the user's id at the provider; for Bitbucket the account UUID in braces.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the id of the Supabase user that the identity belongs to.</summary>
    public string UserId { get; init; } = string.Empty;

    /// <summary>Gets the provider name, such as <c>bitbucket</c>.</summary>
    public string Provider { get; init; } = string.Empty;

    /// <summary>Gets the email address the provider reported, or <see langword="null"/>.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the profile fields the provider reported, as received.</summary>
    public IReadOnlyDictionary<string, JsonElement> IdentityData { get; init; } =
        new Dictionary<string, JsonElement>();

    /// <summary>Gets the time of the last sign-in with this identity.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>Gets the time the identity was linked.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the time the identity was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
