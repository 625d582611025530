using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Tokens;

/// <summary>
/// Signs and verifies HS256 JWTs (RFC 7519) with the project's JWT secret. Verification failures carry the
/// wording of the golang-jwt library that Supabase Auth uses.
/// </summary>
internal sealed class AccessTokenCodec(byte[] secret, TimeProvider clock)
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public string Sign(JsonObject claims)
    {
        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Verifies a token and returns its claims, or the reason it is not valid.</summary>
    public (JsonElement Claims, string? Failure) Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (default, "token is malformed: token contains an invalid number of segments");
        }

        if (TryReadObject(parts[0]) is not { } header)
        {
            return (default, "token is malformed: could not JSON decode header");
        }

        var algorithm = string.Empty;
        if (GoJsonString.TryGetProperty(header, "alg", out var alg))
        {
            // Any client controls the header, because it is read before the signature is checked. GoJsonString
            // reads an escaped lone surrogate, where JsonElement.TryGetProperty and ToString would throw.
            algorithm = alg.ValueKind == JsonValueKind.String ? GoJsonString.Read(alg) : alg.ToString();
        }

        if (algorithm != "HS256")
        {
            return (default, $"token signature is invalid: signing method {algorithm} is invalid");
        }

        var expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!TryDecode(parts[2], out var actual) || !CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return (default, "token signature is invalid: signature is invalid");
        }

        if (TryReadObject(parts[1]) is not { } claims)
        {
            return (default, "token is malformed: could not JSON decode claim");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (claims.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var expiresAt) && now > expiresAt)
        {
            return (default, "token has invalid claims: token is expired");
        }

        if (claims.TryGetProperty("nbf", out var nbf) && nbf.TryGetInt64(out var notBefore) && now < notBefore)
        {
            return (default, "token has invalid claims: token is not valid yet");
        }

        return (claims, null);
    }

    private static JsonElement? TryReadObject(string segment)
    {
        if (!TryDecode(segment, out var bytes))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryDecode(string segment, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(segment);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
