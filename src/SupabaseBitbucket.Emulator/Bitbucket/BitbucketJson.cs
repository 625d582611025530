using System.Globalization;
using System.Text.Json.Nodes;
using SupabaseBitbucket.Emulator.Hosting;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>The JSON shapes of the Bitbucket Cloud REST API 2.0 that sign-in uses.</summary>
/// <remarks>
/// The fields that Supabase Auth reads (<c>uuid</c>, <c>display_name</c>, the email <c>values</c>) match its
/// Bitbucket provider. NOTE: the other fields and the wording of Bitbucket's error messages (a denied consent,
/// an invalid token, token endpoint errors) are not confirmed against Bitbucket; errors use RFC 6749 meanings.
/// </remarks>
internal static class BitbucketJson
{
    /// <summary>Bitbucket's page size for <c>/user/emails</c> when the request names none.</summary>
    public const int DefaultPageLength = 10;

    private const string CreatedOn = "2021-06-01T09:30:00.000000+00:00";

    public static Uri AvatarUrl(EmulatorAccount account, EmulatorRuntime runtime) =>
        account.AvatarUrl
        ?? new Uri($"{runtime.BaseUrl}/bitbucket/account/{Uri.EscapeDataString(account.Username)}/avatar");

    /// <summary>The body of <c>GET /2.0/user</c>; the avatar is at <c>links.avatar.href</c>, not top level.</summary>
    public static JsonObject User(EmulatorAccount account, EmulatorRuntime runtime) => new()
    {
        ["display_name"] = account.DisplayName,
        ["links"] = new JsonObject
        {
            ["self"] = Link($"{runtime.BitbucketApiUrl}/users/{Uri.EscapeDataString(account.Uuid)}"),
            ["avatar"] = Link(AvatarUrl(account, runtime).ToString()),
        },
        ["created_on"] = CreatedOn,
        ["type"] = "user",
        ["uuid"] = account.Uuid,
        ["has_2fa_enabled"] = null,
        ["username"] = account.Username,
        ["is_staff"] = false,
        ["account_id"] = account.AccountId,
        ["nickname"] = account.Username,
        ["account_status"] = "active",
        ["location"] = null,
    };

    /// <summary>One page of <c>GET /2.0/user/emails</c>, with a <c>next</c> link while pages remain.</summary>
    public static JsonObject EmailPage(EmulatorAccount account, int page, int pageLength, EmulatorRuntime runtime)
    {
        var values = new JsonArray();
        foreach (var email in account.Emails.Skip((page - 1) * pageLength).Take(pageLength))
        {
            // Typed as JsonNode so that Add(JsonNode) is chosen: the generic Add<T> would need reflection.
            JsonNode entry = new JsonObject
            {
                ["is_primary"] = email.IsPrimary,
                ["is_confirmed"] = email.IsConfirmed,
                ["type"] = "email",
                ["email"] = email.Email,
                ["links"] = new JsonObject
                {
                    ["self"] = Link($"{runtime.BitbucketApiUrl}/user/emails/{Uri.EscapeDataString(email.Email)}"),
                },
            };
            values.Add(entry);
        }

        var body = new JsonObject
        {
            ["pagelen"] = pageLength,
            ["values"] = values,
            ["page"] = page,
            ["size"] = account.Emails.Count,
        };
        if (page * pageLength < account.Emails.Count)
        {
            body["next"] = string.Create(
                CultureInfo.InvariantCulture,
                $"{runtime.BitbucketApiUrl}/user/emails?page={page + 1}&pagelen={pageLength}");
        }

        return body;
    }

    public static JsonObject Error(string message) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["message"] = message },
    };

    public static JsonObject OAuthError(string error, string description) => new()
    {
        ["error"] = error,
        ["error_description"] = description,
    };

    private static JsonObject Link(string href) => new() { ["href"] = href };
}
