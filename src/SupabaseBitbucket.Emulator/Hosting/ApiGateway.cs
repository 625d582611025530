using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Hosting;

/// <summary>
/// The API gateway in front of Supabase Auth: it wants the project's key in an <c>apikey</c> header or query
/// parameter on every request except the browser navigations to <c>/authorize</c> and <c>/callback</c>, and
/// lets any origin call the API from a browser.
/// </summary>
internal static class ApiGateway
{
    private const string ExposedHeaders = "x-sb-error-code, X-Supabase-Api-Version, Retry-After";

    public static bool NeedsApiKey(string path) =>
        path.StartsWith("/auth/v1", StringComparison.Ordinal)
        && path is not ("/auth/v1/authorize" or "/auth/v1/callback");

    /// <summary>Checks the key; writes the gateway's 401 and returns false when it is missing or wrong.</summary>
    public static async Task<bool> CheckApiKeyAsync(HttpContext context, string publishableKey)
    {
        var key = context.Request.Headers["apikey"].ToString();
        if (key.Length == 0)
        {
            key = context.Request.Query["apikey"].ToString();
        }

        if (key == publishableKey)
        {
            return true;
        }

        var message = key.Length == 0 ? "No API key found in request" : "Invalid API key";
        var body = new JsonObject { ["message"] = message };
        await JsonResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, body).ConfigureAwait(false);
        return false;
    }

    public static void AddCorsHeaders(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = ExposedHeaders;
    }

    /// <summary>Responds to a CORS preflight request; returns false for any other request.</summary>
    public static bool TryHandlePreflight(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsOptions(request.Method) || request.Headers.AccessControlRequestMethod.Count == 0)
        {
            return false;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.AccessControlAllowMethods = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
        response.Headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders.Count > 0
            ? request.Headers.AccessControlRequestHeaders
            : "authorization, apikey, content-type, x-client-info, x-supabase-api-version";
        response.Headers.AccessControlMaxAge = "3600";
        return true;
    }
}
