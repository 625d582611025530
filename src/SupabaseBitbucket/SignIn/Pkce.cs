using System.Security.Cryptography;
using System.Text;

namespace SupabaseBitbucket;

/// <summary>
/// PKCE (RFC 7636) code verifiers and S256 challenges.
/// </summary>
internal static class Pkce
{
    /// <summary>32 random bytes, the amount RFC 7636 recommends: a 43-character verifier with 256 bits of entropy.</summary>
    private const int VerifierEntropyBytes = 32;

    /// <summary>The length of a verifier, which is also the length of every S256 challenge.</summary>
    public const int VerifierLength = 43;

    public const int ChallengeLength = 43;

    /// <summary>The only method sent; the server matches it case-insensitively.</summary>
    public const string ChallengeMethod = "s256";

    /// <summary>
    /// Creates a verifier and writes its challenge to <paramref name="challenge"/>, hashing the verifier's bytes
    /// before they become a string so that the hot path converts nothing twice.
    /// </summary>
    /// <param name="challenge">At least <see cref="ChallengeLength"/> characters.</param>
    public static string CreateVerifier(Span<char> challenge)
    {
        Span<byte> random = stackalloc byte[VerifierEntropyBytes];
        RandomNumberGenerator.Fill(random);
        Span<byte> verifier = stackalloc byte[VerifierLength];
        Base64UrlEncoding.EncodeToUtf8(random, verifier);
        WriteChallenge(verifier, challenge);
        return Encoding.ASCII.GetString(verifier);
    }

    public static string CreateVerifier()
    {
        Span<char> challenge = stackalloc char[ChallengeLength];
        return CreateVerifier(challenge);
    }

    public static string CreateChallenge(string verifier)
    {
        var ascii = Encoding.ASCII.GetBytes(verifier);
        Span<char> challenge = stackalloc char[ChallengeLength];
        WriteChallenge(ascii, challenge);
        return new string(challenge);
    }

    private static void WriteChallenge(ReadOnlySpan<byte> verifier, Span<char> challenge)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(verifier, hash);
        Base64UrlEncoding.EncodeToChars(hash, challenge);
    }
}
