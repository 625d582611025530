using System.Text.Json.Nodes;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.State;

namespace SupabaseBitbucket.Emulator.Tokens;

/// <summary>The user object of Supabase Auth, in its field order, for a user with one Bitbucket identity.</summary>
internal static class UserJson
{
    public const string Provider = "bitbucket";

    public static JsonObject Create(AuthUser user) => new()
    {
        ["id"] = user.Id.ToString(),
        ["aud"] = "authenticated",
        ["role"] = "authenticated",
        ["email"] = user.Email,
        ["email_confirmed_at"] = Timestamps.Format(user.EmailConfirmedAt),
        ["phone"] = string.Empty,
        ["confirmed_at"] = Timestamps.Format(user.EmailConfirmedAt),
        ["last_sign_in_at"] = Timestamps.Format(user.LastSignInAt),
        ["app_metadata"] = AppMetadata(),
        ["user_metadata"] = user.Identity.ToJson(),
        ["identities"] = new JsonArray(Identity(user)),
        ["created_at"] = Timestamps.Format(user.CreatedAt),
        ["updated_at"] = Timestamps.Format(user.UpdatedAt),
        ["is_anonymous"] = false,
    };

    public static JsonObject AppMetadata() => new()
    {
        ["provider"] = Provider,
        ["providers"] = new JsonArray(Provider),
    };

    private static JsonObject Identity(AuthUser user) => new()
    {
        ["identity_id"] = user.IdentityId.ToString(),
        ["id"] = user.Identity.BitbucketUuid,
        ["user_id"] = user.Id.ToString(),
        ["identity_data"] = user.Identity.ToJson(),
        ["provider"] = Provider,
        ["last_sign_in_at"] = Timestamps.Format(user.LastSignInAt),
        ["created_at"] = Timestamps.Format(user.CreatedAt),
        ["updated_at"] = Timestamps.Format(user.UpdatedAt),
        ["email"] = user.Identity.Email,
    };
}
