using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary><c>GET /auth/v1/settings</c>: the project's public settings, with only Bitbucket enabled.</summary>
internal static class SettingsEndpoint
{
    private static readonly string[] Providers =
    [
        "anonymous_users", "apple", "azure", "bitbucket", "discord", "facebook", "snapchat", "figma", "fly",
        "github", "gitlab", "google", "keycloak", "kakao", "linkedin", "linkedin_oidc", "notion", "spotify",
        "slack", "slack_oidc", "workos", "twitch", "twitter", "email", "phone", "zoom",
    ];

    public static Task HandleAsync(HttpContext context)
    {
        var external = new JsonObject();
        foreach (var provider in Providers)
        {
            external[provider] = provider == "bitbucket";
        }

        var body = new JsonObject
        {
            ["external"] = external,
            ["disable_signup"] = false,
            ["mailer_autoconfirm"] = true,
            ["phone_autoconfirm"] = false,
            ["sms_provider"] = string.Empty,
            ["saml_enabled"] = false,
            ["saml_private_key_next_configured"] = false,
            ["passkeys_enabled"] = false,
        };
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body);
    }
}
