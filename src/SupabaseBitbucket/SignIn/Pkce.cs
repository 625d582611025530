using System.Security.Cryptography;
using System.Text;

namespace SupabaseBitbucket;

/// <summary>
/// PKCE (RFC 7636) code verifiers and S256 challenges.
/// </summary>
internal static class Pkce
{
    /// <summary>48 random bytes give a 64-character verifier with 384 bits of entropy.</summary>
    private const int VerifierEntropyBytes = 48;

    /// <summary>The only method sent; the server matches it case-insensitively.</summary>
    public const string ChallengeMethod = "s256";

    public static string CreateVerifier()
    {
        Span<byte> bytes = stackalloc byte[VerifierEntropyBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64UrlEncoding.Encode(bytes);
    }

    public static string CreateChallenge(string verifier)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(verifier), hash);
        return Base64UrlEncoding.Encode(hash);
    }
}
