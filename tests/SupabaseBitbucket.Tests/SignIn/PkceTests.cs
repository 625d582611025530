using System.Text.RegularExpressions;

namespace SupabaseBitbucket.Tests.SignIn;

public class PkceTests
{
    [Test]
    public void CreateChallenge_Rfc7636AppendixB_MatchesVector()
    {
        var challenge = Pkce.CreateChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        challenge.Should().Be("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    [Test]
    public void CreateVerifier_Always_UsesUnreservedCharactersWithinLength()
    {
        for (var i = 0; i < 200; i++)
        {
            var verifier = Pkce.CreateVerifier();

            verifier.Length.Should().BeInRange(43, 128);
            Regex.IsMatch(verifier, "^[A-Za-z0-9._~-]+$").Should().BeTrue(verifier);
        }
    }

    [Test]
    public void CreateVerifier_Always_CarriesAtLeast256Bits()
    {
        var verifier = Pkce.CreateVerifier();

        // Each base64url character carries 6 bits of the random bytes.
        (verifier.Length * 6).Should().BeGreaterThanOrEqualTo(256);
    }

    [Test]
    public void CreateVerifier_ManyCalls_NeverRepeats()
    {
        var verifiers = Enumerable.Range(0, 10_000).Select(_ => Pkce.CreateVerifier()).ToList();

        verifiers.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void CreateChallenge_AnyVerifier_Is43Base64UrlCharacters()
    {
        var challenge = Pkce.CreateChallenge(Pkce.CreateVerifier());

        challenge.Should().HaveLength(43);
        Regex.IsMatch(challenge, "^[A-Za-z0-9_-]+$").Should().BeTrue(challenge);
    }
}
