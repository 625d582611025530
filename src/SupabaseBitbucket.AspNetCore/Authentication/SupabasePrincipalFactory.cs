using System.Security.Claims;
using System.Text.Json;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Builds the signed-in user's claims from a Supabase session.
/// </summary>
internal static class SupabasePrincipalFactory
{
    public static ClaimsPrincipal Create(Session session, string authenticationScheme)
    {
        var user = session.User ?? throw new InvalidOperationException(
            "The Supabase session has no user, so no principal can be built from it.");
        var identity = new ClaimsIdentity(authenticationScheme, ClaimTypes.Name, ClaimTypes.Role);

        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(SupabaseClaimTypes.UserId, user.Id));
        AddIfPresent(identity, ClaimTypes.Email, user.Email);
        AddIfPresent(identity, ClaimTypes.Name, FirstPresent(
            user.UserMetadata.FullName, user.UserMetadata.Name, user.UserMetadata.UserName, user.Email, user.Id));
        AddIfPresent(identity, SupabaseClaimTypes.UserName, user.UserMetadata.UserName);
        AddIfPresent(identity, SupabaseClaimTypes.AvatarUrl, user.UserMetadata.AvatarUrl);
        AddIfPresent(identity, SupabaseClaimTypes.Provider, user.AppMetadata.Provider);
        AddIfPresent(identity, SupabaseClaimTypes.SessionId, ReadSessionId(session.AccessToken));
        return new ClaimsPrincipal(identity);
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }

    private static string? FirstPresent(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>
    /// Reads the <c>session_id</c> claim of the access token. The signature is not checked: the token came
    /// straight from Supabase over the connection the library opened, and the id only labels the session.
    /// </summary>
    private static string? ReadSessionId(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var base64 = parts[1].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("session_id", out var id)
                && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
