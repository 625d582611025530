using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket.Tests.SignIn;

public class SignInWithBitbucketTests
{
    private const string ProjectUrl = "https://abcdefghijklmnop.supabase.co";

    [Test]
    public void SignInWithBitbucket_ProtocolExample_MatchesOfficialClientUrl()
    {
        var service = CreateService();

        var signIn = service.SignInWithBitbucket(new BitbucketSignInOptions
        {
            RedirectTo = "http://example.com/auth/callback?next=/dash",
            Scopes = "account email",
            QueryParameters = { ["prompt"] = "consent" },
        });

        var challenge = Pkce.CreateChallenge(signIn.CodeVerifier);
        signIn.Url.AbsoluteUri.Should().Be(
            ProjectUrl + "/auth/v1/authorize?provider=bitbucket"
            + "&redirect_to=http%3A%2F%2Fexample.com%2Fauth%2Fcallback%3Fnext%3D%2Fdash"
            + "&scopes=account%20email"
            + "&code_challenge=" + challenge
            + "&code_challenge_method=s256"
            + "&prompt=consent");
    }

    [Test]
    public void SignInWithBitbucket_NoOptions_SendsProviderAndChallengeOnly()
    {
        var service = CreateService();

        var signIn = service.SignInWithBitbucket();

        signIn.Url.AbsoluteUri.Should().MatchRegex(
            "^" + Regex.Escape(ProjectUrl) + "/auth/v1/authorize\\?provider=bitbucket"
            + "&code_challenge=[A-Za-z0-9_-]{43}&code_challenge_method=s256$");
    }

    [Test]
    public void SignInWithBitbucket_NoRedirectTo_UsesConfiguredRedirect()
    {
        var service = CreateService(o => o.RedirectTo = "https://app.example.com/auth/callback");

        var signIn = service.SignInWithBitbucket();

        signIn.Url.Query.Should().Contain("redirect_to=https%3A%2F%2Fapp.example.com%2Fauth%2Fcallback&");
    }

    [Test]
    public void SignInWithBitbucket_RedirectTo_OverridesConfiguredRedirect()
    {
        var service = CreateService(o => o.RedirectTo = "https://app.example.com/auth/callback");

        var signIn = service.SignInWithBitbucket(new BitbucketSignInOptions { RedirectTo = "https://other.example.com/cb" });

        signIn.Url.Query.Should().Contain("redirect_to=https%3A%2F%2Fother.example.com%2Fcb&");
        signIn.Url.Query.Should().NotContain("app.example.com");
    }

    [Test]
    public void SignInWithBitbucket_TrailingSlashInUrl_BuildsSamePath()
    {
        var service = CreateService(o => o.Url = ProjectUrl + "/");

        var signIn = service.SignInWithBitbucket();

        signIn.Url.AbsolutePath.Should().Be("/auth/v1/authorize");
    }

    [Test]
    public void SignInWithBitbucket_Always_ChallengeIsS256OfVerifier()
    {
        var service = CreateService();

        var signIn = service.SignInWithBitbucket();

        var challenge = Regex.Match(signIn.Url.Query, "code_challenge=([^&]+)").Groups[1].Value;
        challenge.Should().Be(Pkce.CreateChallenge(signIn.CodeVerifier));
    }

    [Test]
    public void SignInWithBitbucket_TwoCalls_UseDifferentVerifiers()
    {
        var service = CreateService();

        var first = service.SignInWithBitbucket();
        var second = service.SignInWithBitbucket();

        first.CodeVerifier.Should().NotBe(second.CodeVerifier);
    }

    [Test]
    public void SignInWithBitbucket_ExtraParameters_KeepOrderAndFormEncoding()
    {
        var service = CreateService();
        var parameters = new Dictionary<string, string> { ["prompt"] = "consent", ["hint"] = "a b&c/é" };

        var signIn = service.SignInWithBitbucket(new BitbucketSignInOptions { QueryParameters = parameters });

        signIn.Url.Query.Should().EndWith("&code_challenge_method=s256&prompt=consent&hint=a+b%26c%2F%C3%A9");
    }

    [Test]
    public void SignInWithBitbucket_TildeInParameter_KeepsItsEscape()
    {
        var service = CreateService();
        var options = new BitbucketSignInOptions { QueryParameters = { ["q"] = "a~b" } };

        var signIn = service.SignInWithBitbucket(options);

        signIn.Url.AbsoluteUri.Should().EndWith("&q=a%7Eb");
        signIn.ToString().Should().EndWith("&q=a%7Eb");
    }

    [TestCase("state")]
    [TestCase("provider")]
    [TestCase("redirect_to")]
    [TestCase("scopes")]
    [TestCase("code_challenge")]
    [TestCase("code_challenge_method")]
    [TestCase("client_id")]
    [TestCase("response_type")]
    [TestCase("redirect_uri")]
    [TestCase("STATE")]
    public void SignInWithBitbucket_ReservedParameter_ThrowsNamingKey(string key)
    {
        var service = CreateService();
        var options = new BitbucketSignInOptions { QueryParameters = { [key] = "x" } };

        var act = () => service.SignInWithBitbucket(options);

        act.Should().Throw<ArgumentException>().WithMessage($"*'{key}'*");
    }

    [TestCase("/auth/callback")]
    [TestCase("auth/callback")]
    [TestCase("ftp://example.com/cb")]
    [TestCase("javascript:alert(1)")]
    public void SignInWithBitbucket_RedirectToNotAbsoluteHttp_Throws(string redirectTo)
    {
        var service = CreateService();

        var act = () => service.SignInWithBitbucket(new BitbucketSignInOptions { RedirectTo = redirectTo });

        act.Should().Throw<ArgumentException>().WithMessage("*absolute http or https*");
    }

    [Test]
    public void ToString_SignIn_LeavesOutVerifier()
    {
        var signIn = CreateService().SignInWithBitbucket();

        signIn.ToString().Should().NotContain(signIn.CodeVerifier);
    }

    [TestCase(null, null)]
    [TestCase("https://app.example.com/auth/callback?flow=a~b", null)]
    [TestCase("https://app.example.com/auth/callback?name=J%C3%BCrgen&x=%7E", "account email")]
    [TestCase("http://localhost:5080/auth/callback", "repository:write")]
    public void ToString_AnyOptions_EqualsUrlText(string? redirectTo, string? scopes)
    {
        var service = CreateService(o => o.RedirectTo = "https://configured.example.com/cb?x=~");
        var options = redirectTo is null && scopes is null
            ? null
            : new BitbucketSignInOptions { RedirectTo = redirectTo, Scopes = scopes, QueryParameters = { ["hint"] = "ü ~" } };

        var signIn = service.SignInWithBitbucket(options);

        signIn.ToString().Should().Be(signIn.Url.AbsoluteUri);
        signIn.Url.Should().BeSameAs(signIn.Url, "the URL is parsed once");
    }

    [TestCase("https://ABCDEFGHIJKLMNOP.Supabase.co:443/")]
    [TestCase("http://127.0.0.1:54321")]
    [TestCase("https://bücher.example")]
    public void ToString_UnusualProjectUrl_EqualsUrlText(string projectUrl)
    {
        var signIn = CreateService(o => o.Url = projectUrl).SignInWithBitbucket();

        signIn.ToString().Should().Be(signIn.Url.AbsoluteUri);
    }

    [Test]
    public void SignInWithBitbucket_UrlLongerThanStackBuffer_BuildsWholeUrl()
    {
        var redirectTo = "https://app.example.com/auth/callback?state=" + new string('é', 700);

        var signIn = CreateService().SignInWithBitbucket(new BitbucketSignInOptions { RedirectTo = redirectTo, Scopes = "account" });

        var text = signIn.ToString();
        text.Length.Should().BeGreaterThan(4000);
        text.Should().StartWith(ProjectUrl + "/auth/v1/authorize?provider=bitbucket&redirect_to=https%3A%2F%2Fapp.example.com");
        text.Should().Contain(string.Concat(Enumerable.Repeat("%C3%A9", 700)) + "&scopes=account&code_challenge=");
        text.Should().EndWith("&code_challenge_method=s256");
        Regex.Match(text, "code_challenge=([^&]+)").Groups[1].Value.Should().Be(Pkce.CreateChallenge(signIn.CodeVerifier));
    }

    [Test]
    public void Build_EmptyChallenge_Throws()
    {
        var act = () => AuthorizeUrlBuilder.Build(ProjectUrl + "/auth/v1/authorize?provider=bitbucket", null, null, default, AuthorizeUrlBuilder.MethodParameter);

        act.Should().Throw<ArgumentException>().WithMessage("*PKCE code challenge*");
    }

    [Test]
    public void SignInWithBitbucket_EmptyOptions_SameShapeAsNone()
    {
        var service = CreateService(o => o.RedirectTo = "https://app.example.com/auth/callback");

        var none = service.SignInWithBitbucket().ToString();
        var empty = service.SignInWithBitbucket(new BitbucketSignInOptions()).ToString();

        var challenge = new Regex("code_challenge=[A-Za-z0-9_-]{43}");
        challenge.Replace(empty, "code_challenge=C").Should().Be(challenge.Replace(none, "code_challenge=C"));
    }

    private static ISignInService CreateService(Action<SupabaseBitbucketOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSupabaseBitbucket(options =>
        {
            options.Url = ProjectUrl;
            options.PublishableKey = "sb_publishable_test";
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider().GetRequiredService<ISignInService>();
    }
}
