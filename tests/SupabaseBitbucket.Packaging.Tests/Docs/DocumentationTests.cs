using System.Reflection;
using SupabaseBitbucket.AspNetCore;
using SupabaseBitbucket.Packaging.Tests.Infrastructure;

namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>Checks that the docs show only exercised commands and cover every option, reason and error code.</summary>
[TestFixture]
public sealed class DocumentationTests
{
    [Test]
    public void ShellCommands_AreAllExercised()
    {
        var known = DocumentedCommands.All.Select(c => c.CommandLine).ToHashSet(StringComparer.Ordinal);

        var commands = MarkdownCommands.ShellCommands();

        commands.Should().NotBeEmpty();
        foreach (var (document, commandLine) in commands)
        {
            known.Should().Contain(commandLine, $"{document} shows it, so a test or .ci/run must run it");
        }
    }

    [Test]
    public void ExercisedCommands_AreAllDocumented()
    {
        var documented = MarkdownCommands.ShellCommands().Select(c => c.CommandLine).ToHashSet(StringComparer.Ordinal);

        foreach (var command in DocumentedCommands.All)
        {
            documented.Should().Contain(command.CommandLine, "an entry for a command the docs no longer show is stale");
        }
    }

    [Test]
    public void CiCommands_AreInCiScript()
    {
        var script = Repository.ReadText(".ci/run");

        foreach (var command in DocumentedCommands.All.Where(c => c.RunBy == CommandRunBy.CiScript))
        {
            script.Should().Contain(command.CommandLine);
        }
    }

    [Test]
    public void ReadmeSetupCommands_AreUnchanged()
    {
        var readme = MarkdownCommands.ShellCommands().Where(c => c.Document == "README.md").Select(c => c.CommandLine);

        readme.Should().Contain("dotnet run --project samples/SupabaseBitbucket.Sample.Web");
        readme.Should().Contain("dotnet test SupabaseBitbucket.sln -c Release");
    }

    [Test]
    public void Troubleshooting_ExplainsEveryReasonAndCode()
    {
        var troubleshooting = Repository.ReadText("docs/troubleshooting.md");
        var values = ConstantValues(typeof(SignInErrorReasons)).Concat(ConstantValues(typeof(SupabaseAuthErrorCodes))).ToList();

        values.Should().HaveCountGreaterThan(25);
        foreach (var value in values)
        {
            troubleshooting.Should().Contain($"| `{value}` |", "every reason and error code has a table row");
        }
    }

    [Test]
    public void ConfigurationReference_CoversEveryOption()
    {
        var reference = Repository.ReadText("docs/configuration.md");
        var options = SettableProperties(typeof(SupabaseBitbucketOptions))
            .Concat(SettableProperties(typeof(SupabaseBitbucketAuthenticationOptions)))
            .ToList();

        options.Should().HaveCountGreaterThan(10, "both option types are read");
        foreach (var option in options)
        {
            reference.Should().Contain($"| `{option}` |", "every option has a table row with its default");
        }
    }

    [Test]
    public void MarkdownLinks_PointToExistingFiles()
    {
        foreach (var document in MarkdownCommands.DocumentPaths)
        {
            var folder = Path.GetDirectoryName(Repository.PathOf(document))!;
            var links = System.Text.RegularExpressions.Regex.Matches(Repository.ReadText(document), @"\]\((?<target>[^)#:]+)(#[^)]*)?\)");
            foreach (var target in links.Select(m => m.Groups["target"].Value))
            {
                File.Exists(Path.Combine(folder, target)).Should().BeTrue($"{document} links to {target}");
            }
        }
    }

    private static IEnumerable<string> ConstantValues(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name);
}
