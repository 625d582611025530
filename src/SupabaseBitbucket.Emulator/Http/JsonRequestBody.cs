using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>
/// Reads the string fields of a JSON request body with the rules of Go's <c>encoding/json</c>, which
/// Supabase Auth uses: names match without regard to case, absent and null fields read as empty, and a
/// body that is not valid JSON or has a field of another type is a <c>bad_json</c> error. An escaped surrogate
/// that is not half of a pair decodes to U+FFFD, as <see cref="GoJsonString"/> explains.
/// </summary>
internal static class JsonRequestBody
{
    private const int MaxBytes = 1 << 20;

    /// <summary>Reads the fields, or returns the error that Supabase Auth sends for the body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="goTypeName">The name of the server's parameter type, which Go error messages show.</param>
    /// <param name="fieldNames">The JSON names of the fields to read.</param>
    public static async Task<(IReadOnlyDictionary<string, string> Fields, SupabaseError? Error)> ReadAsync(
        HttpRequest request, string goTypeName, params string[] fieldNames)
    {
        var empty = new Dictionary<string, string>();
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        var cancellationToken = request.HttpContext.RequestAborted;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                var tooLarge = $"Request body too large (max {MaxBytes} bytes)";
                return (empty, new SupabaseError(413, "request_entity_too_large", tooLarge));
            }
        }

        if (buffer.Length == 0)
        {
            return (empty, SupabaseError.BadJson("unexpected end of JSON input"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            // NOTE: Go names the offending character here; this message only states that the body is not JSON.
            return (empty, SupabaseError.BadJson("invalid character in JSON input"));
        }

        using (document)
        {
            return Extract(document.RootElement, goTypeName, fieldNames);
        }
    }

    private static (IReadOnlyDictionary<string, string>, SupabaseError?) Extract(
        JsonElement root, string goTypeName, string[] fieldNames)
    {
        var fields = fieldNames.ToDictionary(name => name, _ => string.Empty, StringComparer.Ordinal);
        if (root.ValueKind == JsonValueKind.Null)
        {
            return (fields, null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            var detail = $"json: cannot unmarshal {GoKind(root)} into Go value of type api.{goTypeName}";
            return (fields, SupabaseError.BadJson(detail));
        }

        foreach (var property in root.EnumerateObject())
        {
            var propertyName = GoJsonString.ReadName(property);
            var name = fieldNames.FirstOrDefault(
                n => string.Equals(n, propertyName, StringComparison.OrdinalIgnoreCase));
            if (name is null || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                var detail = $"json: cannot unmarshal {GoKind(property.Value)} into Go struct field "
                    + $"{goTypeName}.{name} of type string";
                return (fields, SupabaseError.BadJson(detail));
            }

            fields[name] = GoJsonString.Read(property.Value);
        }

        return (fields, null);
    }

    private static string GoKind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "object",
    };
}
