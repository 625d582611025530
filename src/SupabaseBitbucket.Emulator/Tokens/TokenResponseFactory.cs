using System.Text.Json.Nodes;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.State;

namespace SupabaseBitbucket.Emulator.Tokens;

/// <summary>Creates access tokens and the session body that <c>/token</c> returns.</summary>
internal sealed class TokenResponseFactory(EmulatorRuntime runtime)
{
    public JsonObject Create(AuthUser user, AuthSession session, string refreshToken)
    {
        var now = runtime.Clock.GetUtcNow();
        var expiresIn = (long)runtime.Settings.AccessTokenLifetime.TotalSeconds;
        var expiresAt = now.ToUnixTimeSeconds() + expiresIn;
        return new JsonObject
        {
            ["access_token"] = runtime.Codec.Sign(Claims(user, session, now.ToUnixTimeSeconds(), expiresAt)),
            ["token_type"] = "bearer",
            ["expires_in"] = expiresIn,
            ["expires_at"] = expiresAt,
            ["refresh_token"] = refreshToken,
            ["user"] = UserJson.Create(user),
        };
    }

    private JsonObject Claims(AuthUser user, AuthSession session, long issuedAt, long expiresAt) => new()
    {
        ["iss"] = runtime.AuthUrl,
        ["sub"] = user.Id.ToString(),
        ["aud"] = "authenticated",
        ["exp"] = expiresAt,
        ["iat"] = issuedAt,
        ["email"] = user.Email,
        ["phone"] = string.Empty,
        ["app_metadata"] = UserJson.AppMetadata(),
        ["user_metadata"] = user.Identity.ToJson(),
        ["role"] = "authenticated",
        ["aal"] = "aal1",
        ["amr"] = new JsonArray(new JsonObject
        {
            ["method"] = "oauth",
            ["timestamp"] = session.CreatedAt.ToUnixTimeSeconds(),
        }),
        ["session_id"] = session.Id.ToString(),
        ["is_anonymous"] = false,
    };
}
