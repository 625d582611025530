using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// Reads the error code and message from the error bodies Supabase Auth sends.
/// </summary>
/// <remarks>
/// supabase/auth sends three shapes: <c>{"code":"...","message":"..."}</c> when the request carries
/// <c>X-Supabase-Api-Version: 2024-01-01</c> or later; <c>{"code":&lt;status&gt;,"error_code":"...","msg":"..."}</c>
/// without it; and the OAuth <c>{"error":"...","error_description":"..."}</c>. The message is the first string
/// of <c>msg</c>, <c>message</c>, <c>error_description</c> and <c>error</c>, the order @supabase/auth-js uses.
/// </remarks>
internal static class ErrorBodyReader
{
    private static readonly string[] MessageFields = ["msg", "message", "error_description", "error"];

    /// <summary>The longest server message kept; the rest is cut off.</summary>
    private const int MaxMessageLength = 500;

    /// <summary>
    /// Reads a JSON error object. Returns <see langword="false"/> when the body is not JSON, not an object, or
    /// carries neither a code nor a message.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, out string? errorCode, out string? message)
    {
        errorCode = null;
        message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            // A string "code" is the modern shape; the legacy shape puts the HTTP status in "code".
            errorCode = ReadString(root, "code") ?? ReadString(root, "error_code") ?? ReadString(root, "error");
            message = MessageFields.Select(field => ReadString(root, field)).FirstOrDefault(text => text is not null);
        }
        catch (JsonException)
        {
            return false;
        }

        if (message is { Length: > MaxMessageLength })
        {
            message = message[..MaxMessageLength] + "...";
        }

        return errorCode is not null || message is not null;
    }

    private static string? ReadString(JsonElement root, string name)
    {
        return root.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
                ? text
                : null;
    }
}
