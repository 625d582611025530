using SupabaseBitbucket.Sample.Console.Callback;
using SupabaseBitbucket.Sample.Console.CommandLine;

namespace SupabaseBitbucket.Sample.Console.Tests;

[TestFixture]
public sealed class SampleCommandLineTests
{
    [Test]
    public void NoArguments_UseDefaults()
    {
        var result = SampleCommandLine.Parse([]);

        result.Error.Should().BeNull();
        result.Options!.SupabaseUrl.Should().BeNull();
        result.Options.PublishableKey.Should().BeNull();
        result.Options.AutoConsent.Should().BeNull();
        result.Options.NoBrowser.Should().BeFalse();
        result.Options.SignOut.Should().BeFalse();
        result.Options.CallbackTimeout.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Test]
    public void EveryOption_IsApplied()
    {
        var result = SampleCommandLine.Parse(
        [
            "--supabase-url", "http://127.0.0.1:54321", "--publishable-key", "sb_publishable_k",
            "--auto-consent", "bob", "--no-browser", "--sign-out", "--timeout", "42",
        ]);

        result.Error.Should().BeNull();
        result.Options!.SupabaseUrl.Should().Be("http://127.0.0.1:54321");
        result.Options.PublishableKey.Should().Be("sb_publishable_k");
        result.Options.AutoConsent.Should().Be("bob");
        result.Options.NoBrowser.Should().BeTrue();
        result.Options.SignOut.Should().BeTrue();
        result.Options.CallbackTimeout.Should().Be(TimeSpan.FromSeconds(42));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Help_IsRecognized(string argument)
    {
        SampleCommandLine.Parse([argument]).ShowHelp.Should().BeTrue();
    }

    [TestCase(new[] { "--supabase-url" }, "Option --supabase-url needs a value.")]
    [TestCase(new[] { "--auto-consent", " " }, "Option --auto-consent needs a value.")]
    [TestCase(new[] { "--timeout", "abc" }, "Option --timeout has the invalid value 'abc': use 1 to 3600 seconds.")]
    [TestCase(new[] { "--timeout", "3601" }, "Option --timeout has the invalid value '3601': use 1 to 3600 seconds.")]
    [TestCase(new[] { "alice" }, "Unknown option 'alice'.")]
    public void InvalidArguments_AreReported(string[] args, string expected)
    {
        var result = SampleCommandLine.Parse(args);

        result.Options.Should().BeNull();
        result.Error.Should().Be(expected);
    }

    [TestCase("code=a%20b", "code", "a b")]
    [TestCase("code=a+b", "code", "a b")]
    [TestCase("code=first&code=second", "code", "first")]
    [TestCase("flag&code=x", "flag", "")]
    public void QueryString_DecodesAsBrowsersEncode(string query, string key, string expected)
    {
        QueryString.Parse(query)[key].Should().Be(expected);
    }
}
