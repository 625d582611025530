using SupabaseBitbucket;

namespace SupabaseBitbucket.Tests.Redirects;

public class LocalRedirectTests
{
    [TestCase("/", true)]
    [TestCase("/profile", true)]
    [TestCase("/profile?tab=repos", true)]
    [TestCase("/profile?tab=repos#top", true)]
    [TestCase("/a/b/c", true)]
    [TestCase("/search?q=hello%20world", true)]
    [TestCase("/search?q=a+b", true)]
    [TestCase("/path%20with%20spaces", true)]
    [TestCase("/dashboard#section-2", true)]
    [TestCase("/@user", true)]
    [TestCase("/user@example.com", true)]
    [TestCase("/a.b.c", true)]
    [TestCase("/.well-known/thing", true)]
    [TestCase("/files/report..pdf", true)]
    [TestCase("/callback?next=/x", true)]
    [TestCase("/callback?next=%2F%2Fevil.example", true)]
    [TestCase("/caf%C3%A9", true)]
    [TestCase("/café", true)]
    [TestCase("/a?b=%5C", true)]
    [TestCase("/~user", true)]
    [TestCase("/a;b=c", true)]
    [TestCase("/a:b", true)]
    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("profile", false)]
    [TestCase("//evil.example", false)]
    [TestCase("//evil.example/path", false)]
    [TestCase("///evil.example", false)]
    [TestCase("/\\evil.example", false)]
    [TestCase("\\\\evil.example", false)]
    [TestCase("\\/evil.example", false)]
    [TestCase("/a\\b", false)]
    [TestCase("/\t/evil.example", false)]
    [TestCase("/\n/evil.example", false)]
    [TestCase("/\r\n/evil.example", false)]
    [TestCase("/ /evil.example", false)]
    [TestCase(" /profile", false)]
    [TestCase("/profile ", false)]
    [TestCase("/\u0000", false)]
    [TestCase("/a\u007Fb", false)]
    [TestCase("/a\u0085b", false)]
    [TestCase("/a\u00A0b", false)]
    [TestCase("/a\u2028b", false)]
    [TestCase("https://evil.example", false)]
    [TestCase("http://evil.example/", false)]
    [TestCase("javascript:alert(1)", false)]
    [TestCase("JAVASCRIPT:alert(1)", false)]
    [TestCase("data:text/html,<script>alert(1)</script>", false)]
    [TestCase("vbscript:msgbox", false)]
    [TestCase("mailto:a@evil.example", false)]
    [TestCase("@evil.example", false)]
    [TestCase(".evil.example", false)]
    [TestCase("evil.example", false)]
    [TestCase("%2F%2Fevil.example", false)]
    [TestCase("/%2Fevil.example", false)]
    [TestCase("/%2F%2Fevil.example", false)]
    [TestCase("/%5Cevil.example", false)]
    [TestCase("/%5C%5Cevil.example", false)]
    [TestCase("/%252Fevil.example", false)]
    [TestCase("/%255Cevil.example", false)]
    [TestCase("/%09/evil.example", false)]
    [TestCase("/%0A/evil.example", false)]
    [TestCase("/%0D%0ALocation:%20https://evil.example", false)]
    [TestCase("/%2509/evil.example", false)]
    [TestCase("/%00", false)]
    [TestCase("/..//evil.example", false)]
    [TestCase("/../evil", false)]
    [TestCase("/./", false)]
    [TestCase("/a/../../evil", false)]
    [TestCase("/%2e%2e//evil.example", false)]
    [TestCase("/%2E%2E/%2E%2E/evil", false)]
    [TestCase("/\uFF0Fevil.example", false)]
    [TestCase("/\uFF3Cevil.example", false)]
    [TestCase("/\u2215evil.example", false)]
    [TestCase("/%EF%BC%8Fevil.example", false)]
    [TestCase("/%E2%88%95evil.example", false)]
    [TestCase("\uFF0F\uFF0Fevil.example", false)]
    [TestCase("/?a=\\", false)]
    [TestCase("/#\\", false)]
    public void IsLocal_Case_ReturnsExpected(string? url, bool expected)
    {
        var result = LocalRedirect.IsLocal(url);

        result.Should().Be(expected, "'{0}' should {1}be local", Printable(url), expected ? string.Empty : "not ");
    }

    [Test]
    public void IsLocal_LongestAllowedPath_IsLocal()
    {
        var url = "/" + new string('a', LocalRedirect.MaxLength - 1);

        LocalRedirect.IsLocal(url).Should().BeTrue();
    }

    [Test]
    public void IsLocal_PathOverMaxLength_IsNotLocal()
    {
        var url = "/" + new string('a', LocalRedirect.MaxLength);

        LocalRedirect.IsLocal(url).Should().BeFalse();
    }

    [Test]
    public void Resolve_LocalPath_ReturnsItUnchanged()
    {
        var result = LocalRedirect.Resolve("/profile?tab=repos#top");

        result.Should().Be("/profile?tab=repos#top");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("//evil.example")]
    [TestCase("https://evil.example")]
    public void Resolve_NotLocal_ReturnsDefaultFallback(string? next)
    {
        LocalRedirect.Resolve(next).Should().Be("/");
    }

    [Test]
    public void Resolve_NotLocalWithFallback_ReturnsFallback()
    {
        LocalRedirect.Resolve("/\\evil.example", "/home").Should().Be("/home");
    }

    [Test]
    public void Resolve_FallbackNotLocal_Throws()
    {
        var act = () => LocalRedirect.Resolve("/x", "https://evil.example");

        act.Should().Throw<ArgumentException>().WithParameterName("fallback");
    }

    private static string Printable(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        return string.Concat(value.Select(c => char.IsControl(c) || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));
    }
}
