using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>
/// <c>POST /bitbucket/site/oauth2/access_token</c>: Bitbucket's token endpoint for the
/// <c>authorization_code</c> and <c>refresh_token</c> grants. The client authenticates with HTTP Basic or
/// with <c>client_id</c> and <c>client_secret</c> form fields.
/// </summary>
/// <remarks>The error codes and descriptions follow RFC 6749, as <see cref="BitbucketJson"/> explains.</remarks>
internal sealed class BitbucketTokenEndpoint(EmulatorRuntime runtime)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var (form, formError) = await FormBody.ReadAsync(request).ConfigureAwait(false);
        if (formError is not null)
        {
            await WriteErrorAsync(context, "invalid_request", formError.Message, formError.Status)
                .ConfigureAwait(false);
            return;
        }

        if (!HasClientCredentials(request, form))
        {
            await WriteErrorAsync(context, "invalid_client", "Invalid OAuth client credentials").ConfigureAwait(false);
            return;
        }

        var grantType = form["grant_type"].ToString();
        var redirectUri = form["redirect_uri"].ToString();
        BitbucketTokens? tokens;
        switch (grantType)
        {
            case "authorization_code" when redirectUri.Length > 0 && redirectUri != runtime.CallbackUrl:
                var mismatch = "The redirect_uri does not match.";
                await WriteErrorAsync(context, "invalid_grant", mismatch).ConfigureAwait(false);
                return;
            case "authorization_code":
                tokens = runtime.Bitbucket.RedeemCode(form["code"].ToString());
                break;
            case "refresh_token":
                tokens = runtime.Bitbucket.Refresh(form["refresh_token"].ToString());
                break;
            default:
                var message = $"Unsupported grant type: '{grantType}'.";
                await WriteErrorAsync(context, "unsupported_grant_type", message).ConfigureAwait(false);
                return;
        }

        if (tokens is null)
        {
            await WriteErrorAsync(context, "invalid_grant", $"The {grantType} is not valid.").ConfigureAwait(false);
            return;
        }

        var body = new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["scopes"] = "account email",
            ["token_type"] = "bearer",
            ["expires_in"] = tokens.ExpiresIn,
            ["state"] = grantType,
            ["refresh_token"] = tokens.RefreshToken,
        };
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private static bool HasClientCredentials(HttpRequest request, IFormCollection form)
    {
        var clientId = form["client_id"].ToString();
        var clientSecret = form["client_secret"].ToString();
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter)).Split(':', 2);
                (clientId, clientSecret) = (pair[0], pair.Length > 1 ? pair[1] : string.Empty);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return clientId == EmulatorRuntime.BitbucketClientId && clientSecret == EmulatorRuntime.BitbucketClientSecret;
    }

    private static Task WriteErrorAsync(
        HttpContext context, string error, string description, int status = StatusCodes.Status400BadRequest) =>
        JsonResponse.WriteAsync(context, status, BitbucketJson.OAuthError(error, description));
}
