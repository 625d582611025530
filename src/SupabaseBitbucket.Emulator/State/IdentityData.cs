using System.Text.Json.Nodes;

namespace SupabaseBitbucket.Emulator.State;

/// <summary>
/// What Supabase Auth keeps of a Bitbucket profile, as <c>identity_data</c> and <c>user_metadata</c>.
/// </summary>
/// <remarks>
/// Supabase Auth reads the avatar from a top-level <c>avatar.href</c>, but Bitbucket sends it at
/// <c>links.avatar.href</c>, so the server's <c>avatar_url</c> and <c>picture</c> come out empty; the server
/// omits empty values from this map, so the two keys are absent here too.
/// </remarks>
internal sealed record IdentityData(string Email, bool EmailVerified, string Name, string BitbucketUuid)
{
    /// <summary>The <c>iss</c> value: the Bitbucket API base that Supabase Auth calls.</summary>
    public const string Issuer = "https://api.bitbucket.org/2.0";

    /// <summary>Creates the map, with keys sorted as Go writes a map.</summary>
    public JsonObject ToJson() => new()
    {
        ["email"] = Email,
        ["email_verified"] = EmailVerified,
        ["full_name"] = Name,
        ["iss"] = Issuer,
        ["name"] = Name,
        ["phone_verified"] = false,
        ["provider_id"] = BitbucketUuid,
        ["sub"] = BitbucketUuid,
    };
}
