using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>Writes JSON responses.</summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json";

    public static Task WriteAsync(HttpContext context, int status, JsonNode body) =>
        TextResponse.WriteAsync(context, status, ContentType, body.ToJsonString());
}
