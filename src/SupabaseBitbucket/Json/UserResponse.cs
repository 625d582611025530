using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>A user object as Supabase Auth sends it.</summary>
internal sealed class UserResponse
{
    public string? Id { get; set; }

    public string? Aud { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public bool? IsAnonymous { get; set; }

    public AppMetadataResponse? AppMetadata { get; set; }

    public Dictionary<string, JsonElement>? UserMetadata { get; set; }

    public List<IdentityResponse?>? Identities { get; set; }
}
