using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Auth;

namespace SupabaseBitbucket.Emulator.Hosting;

/// <summary>
/// Finds which <see cref="EmulatorEndpoint"/> a request is for, so a fault can be served in its place.
/// </summary>
internal static class EndpointClassifier
{
    public static EmulatorEndpoint? Classify(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        var isGet = HttpMethods.IsGet(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);
        return path switch
        {
            "/auth/v1/authorize" when isGet => EmulatorEndpoint.Authorize,
            "/auth/v1/callback" when isGet || isPost => EmulatorEndpoint.Callback,
            "/auth/v1/token" when isPost && TokenEndpoint.GrantType(request) == "pkce" => EmulatorEndpoint.TokenPkce,
            "/auth/v1/token" when isPost && TokenEndpoint.GrantType(request) == "refresh_token" =>
                EmulatorEndpoint.TokenRefresh,
            "/auth/v1/user" when isGet => EmulatorEndpoint.User,
            "/auth/v1/logout" when isPost => EmulatorEndpoint.Logout,
            "/auth/v1/settings" when isGet => EmulatorEndpoint.Settings,
            "/bitbucket/site/oauth2/access_token" when isPost => EmulatorEndpoint.BitbucketToken,
            "/bitbucket/2.0/user" when isGet => EmulatorEndpoint.BitbucketUser,
            "/bitbucket/2.0/user/emails" when isGet => EmulatorEndpoint.BitbucketEmails,
            _ => null,
        };
    }
}
