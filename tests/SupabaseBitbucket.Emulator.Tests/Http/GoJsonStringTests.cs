using System.Text;
using System.Text.Json;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Tests.Http;

public class GoJsonStringTests
{
    // Each case is the JSON text of a string, quotes included, and the string that Go's encoding/json decodes.
    [TestCase("\"plain\"", "plain")]
    [TestCase("\"\"", "")]
    [TestCase("\"caf\u00e9 \\u00e9\"", "caf\u00e9 \u00e9")]
    [TestCase("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\" \\ / \b \f \n \r \t")]
    [TestCase("\"\\ud83d\\ude00\"", "\ud83d\ude00")]
    [TestCase("\"\\ud800\"", "\uFFFD")]
    [TestCase("\"a\\udc00b\"", "a\uFFFDb")]
    [TestCase("\"\\ud800\\u0041\"", "\uFFFDA")]
    [TestCase("\"\\ud800\\ud83d\\ude00\"", "\uFFFD\ud83d\ude00")]
    [TestCase("\"\\ude00\\ud83d\"", "\uFFFD\uFFFD")]
    [TestCase("\"\\ud800x\\udc00\"", "\uFFFDx\uFFFD")]
    public void Read_String_DecodesAsGo(string json, string expected)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));

        var text = GoJsonString.Read(document.RootElement);

        text.Should().Be(expected);
    }

    [Test]
    public void ReadName_LoneSurrogate_ReadsReplacement()
    {
        using var document = JsonDocument.Parse("{\"a\\ud800\":1}");

        var name = GoJsonString.ReadName(document.RootElement.EnumerateObject().Single());

        name.Should().Be("a\uFFFD");
    }

    [Test]
    public void TryGetProperty_BadOtherName_FindsLast()
    {
        using var document = JsonDocument.Parse("{\"alg\":1,\"al\\ud800\":2,\"alg\":3}");

        var found = GoJsonString.TryGetProperty(document.RootElement, "alg", out var value);

        found.Should().BeTrue();
        value.GetInt32().Should().Be(3);
    }

    [Test]
    public void TryGetProperty_Absent_ReturnsFalse()
    {
        using var document = JsonDocument.Parse("{\"al\\ud800\":2}");

        var found = GoJsonString.TryGetProperty(document.RootElement, "alg", out _);

        found.Should().BeFalse();
    }
}
