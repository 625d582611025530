using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>PKCE (RFC 7636) as Supabase Auth checks it at <c>/authorize</c> and at the code exchange.</summary>
internal static partial class PkceChallenge
{
    public const string MismatchMessage = "code challenge does not match previously saved code verifier";

    /// <summary>Checks the parameters of <c>/authorize</c>; both absent means the implicit flow.</summary>
    public static SupabaseError? Validate(string? challenge, string? method)
    {
        if (string.IsNullOrEmpty(challenge) != string.IsNullOrEmpty(method))
        {
            return SupabaseError.ValidationFailed("PKCE flow requires code_challenge_method and code_challenge");
        }

        if (string.IsNullOrEmpty(challenge))
        {
            return null;
        }

        if (challenge.Length is < 43 or > 128)
        {
            return SupabaseError.ValidationFailed("code challenge has to be between 43 and 128 characters");
        }

        if (!ChallengeCharacters().IsMatch(challenge))
        {
            return SupabaseError.ValidationFailed(
                "code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes");
        }

        return NormalizeMethod(method) is null ? SupabaseError.ValidationFailed("Invalid code_challenge_method") : null;
    }

    /// <summary>Returns <c>s256</c> or <c>plain</c> for a method in any case, else <see langword="null"/>.</summary>
    public static string? NormalizeMethod(string? method) => method?.ToLowerInvariant() switch
    {
        "s256" => "s256",
        "plain" => "plain",
        _ => null,
    };

    public static bool Matches(string challenge, string method, string verifier)
    {
        var expected = method == "s256"
            ? Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(verifier)))
            : verifier;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(challenge), Encoding.UTF8.GetBytes(expected));
    }

    [GeneratedRegex("^[a-zA-Z._~0-9-]+$")]
    private static partial Regex ChallengeCharacters();
}
