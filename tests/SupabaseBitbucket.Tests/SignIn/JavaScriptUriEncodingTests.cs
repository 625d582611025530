namespace SupabaseBitbucket.Tests.SignIn;

public class JavaScriptUriEncodingTests
{
    // Expected values are what node prints for encodeURIComponent(value).
    [TestCase("abcXYZ019", "abcXYZ019")]
    [TestCase("-_.!~*'()", "-_.!~*'()")]
    [TestCase("a b", "a%20b")]
    [TestCase("http://example.com/auth/callback?next=/dash", "http%3A%2F%2Fexample.com%2Fauth%2Fcallback%3Fnext%3D%2Fdash")]
    [TestCase("a+b&c=d#e", "a%2Bb%26c%3Dd%23e")]
    [TestCase("café", "caf%C3%A9")]
    [TestCase("😀", "%F0%9F%98%80")]
    [TestCase("%", "%25")]
    public void EncodeUriComponent_Value_MatchesEcmaScript(string value, string expected)
    {
        JavaScriptUriEncoding.EncodeUriComponent(value).Should().Be(expected);
    }

    // Expected values are what node prints for new URLSearchParams({ k: value }).toString() after "k=".
    [TestCase("abcXYZ019", "abcXYZ019")]
    [TestCase("*-._", "*-._")]
    [TestCase("!~'()", "%21%7E%27%28%29")]
    [TestCase("a b", "a+b")]
    [TestCase("a+b&c=d#e", "a%2Bb%26c%3Dd%23e")]
    [TestCase("café", "caf%C3%A9")]
    [TestCase("/x?y", "%2Fx%3Fy")]
    public void EncodeFormComponent_Value_MatchesUrlSearchParams(string value, string expected)
    {
        JavaScriptUriEncoding.EncodeFormComponent(value).Should().Be(expected);
    }

    [Test]
    public void EncodeFormComponent_LoneSurrogate_BecomesReplacementCharacter()
    {
        JavaScriptUriEncoding.EncodeFormComponent("a\uD800b").Should().Be("a%EF%BF%BDb");
    }
}
