using System.Security.Cryptography;
using System.Text;

namespace SupabaseBitbucket;

/// <summary>
/// PKCE (RFC 7636) code verifiers and S256 challenges.
/// </summary>
internal static class Pkce
{
    /// <summary>32 random bytes, the amount RFC 7636 recommends: a 43-character verifier with 256 bits of entropy.</summary>
    public const int VerifierEntropyBytes = 32;

    /// <summary>The length of a verifier, which is also the length of every S256 challenge.</summary>
    public const int VerifierLength = 43;

    public const int ChallengeLength = 43;

    /// <summary>The only method sent; the server matches it case-insensitively.</summary>
    public const string ChallengeMethod = "s256";

    /// <summary>
    /// Creates the verifier of <paramref name="random"/> and writes its challenge to <paramref name="challenge"/>.
    /// The verifier's bytes are hashed before they become a string, so nothing is converted twice.
    /// </summary>
    /// <param name="random"><see cref="VerifierEntropyBytes"/> random bytes.</param>
    /// <param name="challenge">At least <see cref="ChallengeLength"/> characters.</param>
    public static string CreateVerifier(ReadOnlySpan<byte> random, Span<char> challenge)
    {
        Span<byte> verifier = stackalloc byte[VerifierLength];
        Base64UrlEncoding.EncodeToUtf8(random, verifier);
        WriteChallenge(verifier, challenge);
        return Encoding.ASCII.GetString(verifier);
    }

    /// <summary>Creates a verifier from a fresh call of the random generator.</summary>
    public static string CreateVerifier()
    {
        Span<byte> random = stackalloc byte[VerifierEntropyBytes];
        RandomNumberGenerator.Fill(random);
        Span<char> challenge = stackalloc char[ChallengeLength];
        return CreateVerifier(random, challenge);
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
