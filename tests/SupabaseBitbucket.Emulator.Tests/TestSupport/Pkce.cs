namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>The PKCE pair of RFC 7636 Appendix B, and a second verifier that does not match it.</summary>
public static class Pkce
{
    public const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    public const string OtherVerifier = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
}
