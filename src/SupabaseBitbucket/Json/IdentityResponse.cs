using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>One entry of a user object's <c>identities</c>.</summary>
internal sealed class IdentityResponse
{
    public string? IdentityId { get; set; }

    public string? Id { get; set; }

    public string? UserId { get; set; }

    public string? Provider { get; set; }

    public string? Email { get; set; }

    public Dictionary<string, JsonElement>? IdentityData { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
