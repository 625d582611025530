using SupabaseBitbucket.Emulator.Auth;

namespace SupabaseBitbucket.Emulator.Tests.Authorize;

public class RedirectValidatorTests
{
    private const string Site = "https://app.example.com";

    [TestCase(Site, "", "https://app.example.com/auth/callback", true)]
    [TestCase(Site, "", "https://app.example.com:8443/auth/callback", false)]
    [TestCase(Site, "", "http://app.example.com/auth/callback", false)]
    [TestCase(Site, "", "https://APP.example.com/auth/callback", false)]
    [TestCase("http://localhost:3000", "", "http://localhost:5173/cb", true)]
    [TestCase("http://localhost:3000", "", "https://localhost:5173/cb", false)]
    [TestCase(Site, "", "http://127.0.0.1:9999/cb", true)]
    [TestCase(Site, "", "http://127.8.9.10/cb", true)]
    [TestCase(Site, "", "http://[::1]:8080/cb", true)]
    [TestCase(Site, "**", "http://10.0.0.1/cb", false)]
    [TestCase(Site, "**", "http://2130706433/cb", false)]
    [TestCase(Site, "**", "http://127.1/cb", true)]
    [TestCase(Site, "**", "https://exa_mple.org/cb", false)]
    [TestCase(Site, "", "http://localhost:5000/cb", false)]
    [TestCase(Site, "https://*.example.org/**", "https://preview.example.org/cb", true)]
    [TestCase(Site, "https://*.example.org/**", "https://a.b.example.org/cb", false)]
    [TestCase(Site, "https://*.example.org/**", "https://evil.test/.example.org/cb", false)]
    [TestCase(Site, "https://app.example.org/auth/*", "https://app.example.org/auth/callback", true)]
    [TestCase(Site, "https://app.example.org/auth/*", "https://app.example.org/auth/a/b", false)]
    [TestCase(Site, "https://app.example.org/**", "https://app.example.org/a/b?c=d", true)]
    [TestCase(Site, "https://app?.example.org/", "https://app1.example.org/", true)]
    [TestCase(Site, "https://app?.example.org/", "https://app12.example.org/", false)]
    [TestCase(Site, "https://{one,two}.example.org/**", "https://two.example.org/x", true)]
    [TestCase(Site, "https://{one,two}.example.org/**", "https://three.example.org/x", false)]
    [TestCase(Site, "https://app[0-9].example.org/", "https://app7.example.org/", true)]
    [TestCase(Site, "https://app[!0-9].example.org/", "https://app7.example.org/", false)]
    [TestCase(Site, "https://app.example.org/cb", "https://app.example.org/cb#section", true)]
    [TestCase(Site, "https://app.example.org/cb", "https://app.example.org/cb?x=1", false)]
    [TestCase(Site, "http://localhost:*/**", "http://localhost:5000/auth/callback", true)]
    [TestCase(Site, "com.example.app://callback", "com.example.app://callback", true)]
    [TestCase(Site, "**", "http://example.org:port/cb", false)]
    [TestCase(Site, "**", "", false)]
    public void IsAllowed_Case_ReturnsExpected(string siteUrl, string allowList, string redirect, bool expected)
    {
        var globs = allowList.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(pattern => new AllowListGlob(pattern))
            .ToList();
        var validator = new RedirectValidator(siteUrl, globs);

        var allowed = validator.IsAllowed(redirect);

        allowed.Should().Be(expected);
    }

    [Test]
    public void Resolve_AllowedRedirectTo_ReturnsIt()
    {
        var validator = new RedirectValidator(Site, []);

        var target = validator.Resolve("https://app.example.com/cb", "https://app.example.com/from");

        target.Should().Be("https://app.example.com/cb");
    }

    [Test]
    public void Resolve_RejectedRedirectTo_FallsBackToReferer()
    {
        var validator = new RedirectValidator(Site, []);

        var target = validator.Resolve("https://evil.test/cb", "https://app.example.com/from");

        target.Should().Be("https://app.example.com/from");
    }

    [Test]
    public void Resolve_BothRejected_FallsBackToSiteUrl()
    {
        var validator = new RedirectValidator(Site, []);

        var target = validator.Resolve("https://evil.test/cb", "https://evil.test/from");

        target.Should().Be(Site);
    }

    [TestCase("https://{one,two.example.org/")]
    [TestCase("https://app[0-9.example.org/")]
    public void AllowListGlob_Unclosed_Throws(string pattern)
    {
        var create = () => new AllowListGlob(pattern);

        create.Should().Throw<ArgumentException>().WithMessage($"*'{pattern}'*");
    }
}
