using System.Text;
using SupabaseBitbucket.Packaging.Tests.Docs;
using SupabaseBitbucket.Packaging.Tests.Infrastructure;

namespace SupabaseBitbucket.Packaging.Tests.Packages;

/// <summary>
/// Installs the packed packages into a new project with the README's <c>dotnet add package</c> commands and builds
/// the README's quick starts against them, as a user of the published packages would.
/// </summary>
[TestFixture]
public sealed class ConsumerProjectTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    private string project = string.Empty;

    [SetUp]
    public void CreateProject()
    {
        project = Path.Combine(Path.GetTempPath(), "supabase-bitbucket-consumer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);

        // Only the packed folder is a source. The machine's package folder serves the dependencies read-only, and
        // a fresh folder receives the packed packages, so an older copy of the same version is never used.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{PackedPackages.Directory}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{globalPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    [TearDown]
    public void DeleteProject() => Directory.Delete(project, recursive: true);

    [Test]
    public async Task ReadmeQuickStarts_BuildAgainstPackages()
    {
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(project, "packages") };
        var installs = DocumentedCommands.All.Where(c => c.RunBy == CommandRunBy.ConsumerProjectTest).ToList();
        WriteQuickStarts();

        foreach (var install in installs)
        {
            var added = await CommandRunner.RunAsync(install.CommandLine, project, CommandTimeout, environment);
            added.ExitCode.Should().Be(0, $"`{install.CommandLine}` must succeed: {added}");
        }

        var build = await CommandRunner.RunAsync("dotnet build", project, CommandTimeout, environment);

        installs.Should().HaveCount(2);
        build.ExitCode.Should().Be(0, build.ToString());
        var projectText = File.ReadAllText(Path.Combine(project, "Consumer.csproj"));
        projectText.Should().Contain($"Include=\"SupabaseBitbucket\" Version=\"{PackedPackages.Version}\"");
        projectText.Should().Contain($"Include=\"SupabaseBitbucket.AspNetCore\" Version=\"{PackedPackages.Version}\"");
    }

    /// <summary>
    /// Writes the README's C# blocks: the ASP.NET Core one as the program, the console one as a method, with the
    /// using directives of both moved to the top of their files.
    /// </summary>
    private void WriteQuickStarts()
    {
        var blocks = MarkdownCommands.Blocks("README.md", "csharp");
        blocks.Should().HaveCount(2, "the README has an ASP.NET Core and a console quick start");
        File.WriteAllText(Path.Combine(project, "Program.cs"), blocks[0]);

        var (usings, body) = SplitUsings(blocks[1]);
        var console = new StringBuilder()
            .AppendLine(usings)
            .AppendLine("internal static class ConsoleQuickStart")
            .AppendLine("{")
            .AppendLine("    public static async Task RunAsync()")
            .AppendLine("    {")
            .AppendLine(body)
            .AppendLine("    }")
            .AppendLine("}");
        File.WriteAllText(Path.Combine(project, "ConsoleQuickStart.cs"), console.ToString());
    }

    private static (string Usings, string Body) SplitUsings(string code)
    {
        // A using directive names a namespace; `using var x = ...;` is a statement and stays in the body.
        var lines = code.Split('\n');
        var usings = lines.Where(IsUsingDirective);
        var body = lines.Where(line => !IsUsingDirective(line));
        return (string.Join('\n', usings), string.Join('\n', body));
    }

    private static bool IsUsingDirective(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"^using (static )?[A-Za-z_][\w.]*;\s*$");
}
