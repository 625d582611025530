using System.Text;
using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>Writes a complete response body of UTF-8 text, such as JSON, HTML or SVG.</summary>
internal static class TextResponse
{
    public const string Html = "text/html; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
