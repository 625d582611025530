using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SupabaseBitbucket.Emulator.Bitbucket;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Faults;

/// <summary>Serves an injected fault in place of an endpoint's normal response.</summary>
internal static class FaultResponder
{
    // Cut in the middle of a string value, so no JSON parser can accept it.
    private const string TruncatedBody =
        "{\"access_token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi\",\"token_type\":\"bea";

    /// <summary>Serves the fault; returns false for a delay, after which the endpoint responds normally.</summary>
    public static async Task<bool> ServeAsync(
        HttpContext context, EmulatorEndpoint endpoint, EmulatorFault fault, EmulatorRuntime runtime)
    {
        Log.FaultInjected(runtime.Logger, endpoint, fault);
        switch (fault.Kind)
        {
            case EmulatorFaultKind.Delay:
                await Task.Delay(fault.Duration, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
                return false;
            case EmulatorFaultKind.DropConnection:
                context.Abort();
                return true;
            case EmulatorFaultKind.Html:
                var reason = ReasonPhrases.GetReasonPhrase(fault.StatusCode);
                var title = string.Create(CultureInfo.InvariantCulture, $"{fault.StatusCode} {reason}");
                var html = $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
                    + $"<center><h1>{title}</h1></center>\r\n<hr><center>emulated proxy</center>\r\n"
                    + "</body>\r\n</html>\r\n";
                await TextResponse.WriteAsync(context, fault.StatusCode, TextResponse.Html, html).ConfigureAwait(false);
                return true;
            case EmulatorFaultKind.EmptyBody:
                context.Response.StatusCode = fault.StatusCode;
                context.Response.ContentLength = 0;
                return true;
            case EmulatorFaultKind.TruncatedJson:
                await TextResponse.WriteAsync(context, StatusCodes.Status200OK, JsonResponse.ContentType, TruncatedBody)
                    .ConfigureAwait(false);
                return true;
            case EmulatorFaultKind.OkWithoutTokens:
                var withoutTokens = WithoutTokens(runtime);
                await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, withoutTokens).ConfigureAwait(false);
                return true;
            case EmulatorFaultKind.TooManyRequests:
                var seconds = (long)Math.Ceiling(fault.Duration.TotalSeconds);
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, endpoint, fault).ConfigureAwait(false);
                return true;
            default:
                await WriteErrorAsync(context, endpoint, fault).ConfigureAwait(false);
                return true;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, EmulatorEndpoint endpoint, EmulatorFault fault) =>
        endpoint switch
    {
        EmulatorEndpoint.BitbucketToken => JsonResponse.WriteAsync(
            context, fault.StatusCode, BitbucketJson.OAuthError(fault.ErrorCode!, fault.Message!)),
        EmulatorEndpoint.BitbucketUser or EmulatorEndpoint.BitbucketEmails => JsonResponse.WriteAsync(
            context, fault.StatusCode, BitbucketJson.Error(fault.Message!)),
        _ => SupabaseErrorWriter.WriteAsync(
            context, new SupabaseError(fault.StatusCode, fault.ErrorCode!, fault.Message!)),
    };

    private static JsonObject WithoutTokens(EmulatorRuntime runtime)
    {
        var expiresIn = (long)runtime.Settings.AccessTokenLifetime.TotalSeconds;
        return new JsonObject
        {
            ["token_type"] = "bearer",
            ["expires_in"] = expiresIn,
            ["expires_at"] = runtime.Clock.GetUtcNow().ToUnixTimeSeconds() + expiresIn,
        };
    }
}
