using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// Classifies a Supabase API key by its format, without ever copying the key into a message.
/// </summary>
internal static class SupabaseKeyClassifier
{
    private const string PublishablePrefix = "sb_publishable_";
    private const string SecretPrefix = "sb_secret_";

    public static SupabaseKeyKind Classify(string key)
    {
        if (key.StartsWith(PublishablePrefix, StringComparison.Ordinal))
        {
            return SupabaseKeyKind.Publishable;
        }

        if (key.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return SupabaseKeyKind.Secret;
        }

        // Legacy keys are JWTs signed with the project's secret; the role claim says what they may do.
        return ReadLegacyRole(key) switch
        {
            "anon" => SupabaseKeyKind.LegacyAnon,
            "service_role" => SupabaseKeyKind.LegacyServiceRole,
            _ => SupabaseKeyKind.Unknown,
        };
    }

    private static string? ReadLegacyRole(string key)
    {
        var parts = key.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            return null;
        }

        var payload = Base64UrlEncoding.TryDecode(parts[1]);
        if (payload is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("role", out var role)
                && role.ValueKind == JsonValueKind.String)
            {
                return role.GetString();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
