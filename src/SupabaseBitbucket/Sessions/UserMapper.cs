using System.Collections.ObjectModel;
using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// Converts the wire form of a user into the public <see cref="SupabaseUser"/>.
/// </summary>
internal static class UserMapper
{
    private static readonly Dictionary<string, JsonElement> EmptyData = [];

    public static SupabaseUser ToUser(UserResponse response)
    {
        return new SupabaseUser
        {
            Id = response.Id ?? string.Empty,
            // The server sends an empty string, not null, when the user has no email or phone.
            Email = EmptyToNull(response.Email),
            Phone = EmptyToNull(response.Phone),
            Role = EmptyToNull(response.Role),
            Audience = EmptyToNull(response.Aud),
            EmailConfirmedAt = response.EmailConfirmedAt,
            ConfirmedAt = response.ConfirmedAt,
            LastSignInAt = response.LastSignInAt,
            CreatedAt = response.CreatedAt,
            UpdatedAt = response.UpdatedAt,
            IsAnonymous = response.IsAnonymous ?? false,
            AppMetadata = new SupabaseAppMetadata
            {
                Provider = EmptyToNull(response.AppMetadata?.Provider),
                Providers = response.AppMetadata?.Providers?.OfType<string>().ToArray() ?? [],
            },
            UserMetadata = UserMetadataMapper.ToMetadata(response.UserMetadata ?? EmptyData),
            Identities = response.Identities?.OfType<IdentityResponse>().Select(ToIdentity).ToArray() ?? [],
        };
    }

    private static SupabaseIdentity ToIdentity(IdentityResponse response)
    {
        return new SupabaseIdentity
        {
            IdentityId = response.IdentityId ?? string.Empty,
            Id = response.Id ?? string.Empty,
            UserId = response.UserId ?? string.Empty,
            Provider = response.Provider ?? string.Empty,
            Email = EmptyToNull(response.Email),
            IdentityData = new ReadOnlyDictionary<string, JsonElement>(response.IdentityData ?? EmptyData),
            LastSignInAt = response.LastSignInAt,
            CreatedAt = response.CreatedAt,
            UpdatedAt = response.UpdatedAt,
        };
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
