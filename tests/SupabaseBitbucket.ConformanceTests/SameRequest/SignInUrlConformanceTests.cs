using System.Security.Cryptography;
using System.Text;
using SupabaseBitbucket.ConformanceTests.Infrastructure;
using SupabaseBitbucket.ConformanceTests.JavaScript;

namespace SupabaseBitbucket.ConformanceTests.SameRequest;

/// <summary>
/// Both clients build the authorize URL from the same options: every parameter, its order and its encoding must
/// be equal, except the PKCE challenge, which each side derives from its own random verifier.
/// </summary>
public class SignInUrlConformanceTests
{
    private const string SupabaseUrl = "https://abcdefghijklmnop.supabase.co";
    private const string Key = "sb_publishable_conformanceKey0123456789";

    // Extra parameter names are never integer-like, because a JavaScript object lists such keys first, whatever
    // the order they were added in, while the .NET dictionary keeps insertion order.
    private static readonly SignInInput[] Cases =
    [
        new("no options", null, null, null),
        new("redirect only", "http://127.0.0.1:3000/auth/callback", null, null),
        new("redirect with query", "http://example.com/auth/callback?next=/dash", null, null),
        new("scopes only", null, "account email", null),
        new("empty scopes", null, "", null),
        new("redirect, scopes and prompt", "http://example.com/auth/callback?next=/dash", "account email",
            new Dictionary<string, string> { ["prompt"] = "consent" }),
        new("several extra parameters", "https://app.example.com/cb", null,
            new Dictionary<string, string> { ["prompt"] = "consent", ["login_hint"] = "grace@example.com" }),
        new("redirect needing encoding", "https://app.example.com/cb?q=a b&r=1+2/3?s='()*!~é#frag", null, null),
        new("scopes needing encoding", null, "account email repository:write 'x'()*!~/?&+é", null),
        new("extra parameters needing encoding", null, null,
            new Dictionary<string, string>
            {
                ["q"] = "a b&c+d/e?f'()*!é",
                ["ünïcode key"] = "值 😀",
                ["empty"] = "",
            }),
        new("extra parameter with tilde", null, null, new Dictionary<string, string> { ["q"] = "a~b" }),
    ];

    private List<(SignInInput Input, string Ours, string OurVerifier, string Theirs, string TheirVerifier)> _urls = [];

    [OneTimeSetUp]
    public async Task BuildBothUrls()
    {
        await NodeScripts.EnsureInstalledAsync();
        var inputs = Cases.ToList();
        var theirs = await new AuthJs(SupabaseUrl, Key).SignInUrlsAsync(inputs);
        theirs.Should().HaveCount(inputs.Count);

        using var client = new DotNetClient(SupabaseUrl, Key);
        _urls = [];
        for (var i = 0; i < inputs.Count; i++)
        {
            theirs[i].Error.Should().BeNull(inputs[i].Name);

            // AbsoluteUri is what the library's own login endpoint sends as the redirect.
            var ours = client.SignIn.SignInWithBitbucket(ToOptions(inputs[i]));
            _urls.Add((inputs[i], ours.Url.AbsoluteUri, ours.CodeVerifier, theirs[i].Url!, theirs[i].CodeVerifier!));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void SignInUrl_SameOptions_MatchesAuthJs(SignInInput input)
    {
        var (_, ours, _, theirs, _) = _urls.Single(url => url.Input == input);

        var ourParameters = WithoutChallenge(ours);
        var theirParameters = WithoutChallenge(theirs);

        ourParameters.Should().Equal(
            theirParameters,
            $"the URLs should differ only in code_challenge.\n.NET:    {ours}\nauth-js: {theirs}");
    }

    [TestCaseSource(nameof(Cases))]
    public void SignInUrl_EachSide_ChallengeMatchesVerifier(SignInInput input)
    {
        var (_, ours, ourVerifier, theirs, theirVerifier) = _urls.Single(url => url.Input == input);

        Parameter(ours, "code_challenge").Should().Be(Challenge(ourVerifier), ".NET challenge of its verifier");
        Parameter(theirs, "code_challenge").Should().Be(Challenge(theirVerifier), "auth-js challenge of its verifier");
        Parameter(ours, "code_challenge_method").Should().Be(Parameter(theirs, "code_challenge_method"));
    }

    private static BitbucketSignInOptions ToOptions(SignInInput input)
    {
        var options = new BitbucketSignInOptions { RedirectTo = input.RedirectTo, Scopes = input.Scopes };
        foreach (var (name, value) in input.QueryParams ?? new Dictionary<string, string>())
        {
            options.QueryParameters.Add(name, value);
        }

        return options;
    }

    /// <summary>Returns the URL without its query, then each raw query parameter, the challenge's value blanked.</summary>
    private static List<string> WithoutChallenge(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var parts = new List<string> { url[..queryStart] };
        parts.AddRange(url[(queryStart + 1)..]
            .Split('&')
            .Select(parameter => parameter.StartsWith("code_challenge=", StringComparison.Ordinal)
                ? "code_challenge=<challenge>"
                : parameter));
        return parts;
    }

    private static string? Parameter(string url, string name) => url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..]
        .Split('&')
        .Where(parameter => parameter.StartsWith(name + "=", StringComparison.Ordinal))
        .Select(parameter => parameter[(name.Length + 1)..])
        .SingleOrDefault();

    /// <summary>Computes base64url(SHA-256(verifier)) without padding, as RFC 7636 defines S256.</summary>
    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
}
