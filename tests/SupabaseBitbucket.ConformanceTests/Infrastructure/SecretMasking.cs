using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupabaseBitbucket.ConformanceTests.Infrastructure;

/// <summary>
/// Replaces tokens, codes, verifiers and keys with <c>&lt;masked:length&gt;</c> before a test prints them, so a
/// failure shows where two values differ in shape without showing the values.
/// </summary>
internal static partial class SecretMasking
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "access_token",
        "refresh_token",
        "auth_code",
        "code",
        "code_verifier",
        "provider_token",
        "provider_refresh_token",
        "apikey",
    };

    // Keeps '<' and '>' of the masks readable instead of escaping them as \u003C and \u003E.
    private static readonly JsonSerializerOptions PrintOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Mask(string value) => $"<masked:{value.Length}>";

    /// <summary>Masks a header value: the whole of <c>apikey</c>, the credentials of <c>Authorization</c>.</summary>
    public static string MaskHeader(string name, string value)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? Mask(value) : value[..(space + 1)] + Mask(value[(space + 1)..]);
        }

        return SecretFields.Contains(name) ? Mask(value) : value;
    }

    /// <summary>Masks the values of secret fields in a JSON body. Text that is not JSON is masked whole.</summary>
    public static string MaskJson(string body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Mask(body);
        }

        if (node is JsonObject json)
        {
            foreach (var (name, value) in json.ToList())
            {
                if (SecretFields.Contains(name) && value is JsonValue text && text.TryGetValue<string>(out var secret))
                {
                    json[name] = Mask(secret);
                }
            }
        }

        return node?.ToJsonString(PrintOptions) ?? "null";
    }

    /// <summary>Masks the values of secret parameters in a query string such as <c>code=...&amp;state=...</c>.</summary>
    public static string MaskQuery(string query) => QueryParameter().Replace(
        query,
        match => SecretFields.Contains(match.Groups["name"].Value)
            ? match.Groups["name"].Value + "=" + Mask(match.Groups["value"].Value)
            : match.Value);

    [GeneratedRegex("(?<name>[^&=]+)=(?<value>[^&]*)")]
    private static partial Regex QueryParameter();
}
