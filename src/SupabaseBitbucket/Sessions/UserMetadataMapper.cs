using System.Collections.ObjectModel;
using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// Reads the well-known fields of <c>user_metadata</c>, whose content depends on the provider.
/// </summary>
internal static class UserMetadataMapper
{
    public static SupabaseUserMetadata ToMetadata(Dictionary<string, JsonElement> fields)
    {
        return new SupabaseUserMetadata
        {
            Name = FirstString(fields, "name"),
            FullName = FirstString(fields, "full_name"),
            AvatarUrl = FirstString(fields, "avatar_url", "picture"),
            UserName = FirstString(fields, "user_name", "preferred_username", "nickname"),
            Email = FirstString(fields, "email"),
            EmailVerified = ReadBoolean(fields, "email_verified"),
            ProviderId = FirstString(fields, "provider_id"),
            Subject = FirstString(fields, "sub"),
            Raw = new ReadOnlyDictionary<string, JsonElement>(fields),
        };
    }

    /// <summary>Returns the value of the first field that contains a non-empty string.</summary>
    private static string? FirstString(
        Dictionary<string, JsonElement> fields, string name, string? second = null, string? third = null)
    {
        return StringField(fields, name)
            ?? (second is null ? null : StringField(fields, second))
            ?? (third is null ? null : StringField(fields, third));
    }

    private static string? StringField(Dictionary<string, JsonElement> fields, string name)
    {
        return fields.TryGetValue(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
                ? text
                : null;
    }

    private static bool? ReadBoolean(Dictionary<string, JsonElement> fields, string name)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
