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
                Providers = WithoutNulls(response.AppMetadata?.Providers),
            },
            UserMetadata = UserMetadataMapper.ToMetadata(response.UserMetadata ?? EmptyData),
            Identities = ToIdentities(response.Identities),
        };
    }

    /// <summary>Copies the entries that are not JSON null.</summary>
    private static string[] WithoutNulls(List<string?>? values)
    {
        var result = new string[CountNotNull(values)];
        var next = 0;
        foreach (var value in values ?? [])
        {
            if (value is not null)
            {
                result[next++] = value;
            }
        }

        return result;
    }

    private static SupabaseIdentity[] ToIdentities(List<IdentityResponse?>? responses)
    {
        var identities = new SupabaseIdentity[CountNotNull(responses)];
        var next = 0;
        foreach (var response in responses ?? [])
        {
            if (response is not null)
            {
                identities[next++] = ToIdentity(response);
            }
        }

        return identities;
    }

    private static int CountNotNull<T>(List<T?>? values)
        where T : class
    {
        var count = 0;
        foreach (var value in values ?? [])
        {
            count += value is null ? 0 : 1;
        }

        return count;
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
