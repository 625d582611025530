using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>Writes a <see cref="SupabaseError"/> in the body shape that the request selects.</summary>
internal static class SupabaseErrorWriter
{
    public static Task WriteAsync(HttpContext context, SupabaseError error)
    {
        context.Response.Headers["x-sb-error-code"] = error.Code;
        JsonObject body;
        if (ApiVersion.IsModern(context.Request))
        {
            context.Response.Headers[ApiVersion.HeaderName] = ApiVersion.Modern;
            body = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        }
        else
        {
            body = new JsonObject { ["code"] = error.Status, ["error_code"] = error.Code, ["msg"] = error.Message };
        }

        return JsonResponse.WriteAsync(context, error.Status, body);
    }
}
