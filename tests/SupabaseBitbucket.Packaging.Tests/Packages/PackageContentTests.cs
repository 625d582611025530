using System.Text.Json;
using SupabaseBitbucket.Packaging.Tests.Infrastructure;

namespace SupabaseBitbucket.Packaging.Tests.Packages;

[TestFixture]
public sealed class PackageContentTests
{
    private const string RepositoryUrl = "https://github.com/supabase-bitbucket/SupabaseBitbucket";

    [Test]
    public void Pack_MakesFourPackagesWithSymbols()
    {
        var files = Directory.GetFiles(PackedPackages.Directory).Select(Path.GetFileName).Order().ToList();

        var expected = PackedPackages.AllIds
            .SelectMany(id => new[] { $"{id}.{PackedPackages.Version}.nupkg", $"{id}.{PackedPackages.Version}.snupkg" })
            .Order()
            .ToList();
        files.Should().Equal(expected, "samples and tests are not packable");
    }

    [TestCaseSource(typeof(PackedPackages), nameof(PackedPackages.LibraryIds))]
    public void LibraryPackage_HasBothFrameworks(string id)
    {
        using var package = PackageFile.Open(PackedPackages.PackagePath(id));

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            package.Entries.Should().Contain($"lib/{framework}/{id}.dll");
            package.Entries.Should().Contain($"lib/{framework}/{id}.xml");
        }
    }

    [Test]
    public void EmulatorPackage_HasNet10Library()
    {
        using var package = PackageFile.Open(PackedPackages.PackagePath("SupabaseBitbucket.Emulator"));

        package.Entries.Should().Contain("lib/net10.0/SupabaseBitbucket.Emulator.dll");
        package.Entries.Should().Contain("lib/net10.0/SupabaseBitbucket.Emulator.xml");
    }

    [Test]
    public void ToolPackage_RunsEmulatorCommand()
    {
        using var package = PackageFile.Open(PackedPackages.PackagePath("SupabaseBitbucket.Emulator.Tool"));
        var settings = System.Text.Encoding.UTF8.GetString(package.Read("tools/net10.0/any/DotnetToolSettings.xml"));

        settings.Should().Contain("Name=\"supabase-bitbucket-emulator\"");
        settings.Should().Contain("EntryPoint=\"SupabaseBitbucket.Emulator.Tool.dll\"");
        package.Entries.Should().Contain("tools/net10.0/any/SupabaseBitbucket.Emulator.dll");
        package.Entries.Should().NotContain("tools/net10.0/any/SupabaseBitbucket.Emulator", "a portable tool has no native launcher");
        package.MetadataElement("packageTypes")!.ToString().Should().Contain("DotnetTool");
    }

    [TestCaseSource(typeof(PackedPackages), nameof(PackedPackages.AllIds))]
    public void Nuspec_HasLicenseReadmeAndRepository(string id)
    {
        using var package = PackageFile.Open(PackedPackages.PackagePath(id));
        var license = package.MetadataElement("license")!;
        var repository = package.MetadataElement("repository")!;

        package.Metadata("id").Should().Be(id);
        package.Metadata("version").Should().Be(PackedPackages.Version);
        license.Attribute("type")!.Value.Should().Be("expression");
        license.Value.Should().Be("MIT");
        package.Metadata("readme").Should().Be("README.md");
        package.Metadata("projectUrl").Should().Be(RepositoryUrl);
        package.Metadata("description").Should().NotBeNullOrWhiteSpace();
        repository.Attribute("type")!.Value.Should().Be("git");
        repository.Attribute("url")!.Value.Should().Be(RepositoryUrl);
        repository.Attribute("commit")!.Value.Should().MatchRegex("^[0-9a-f]{40}$");
    }

    [TestCaseSource(typeof(PackedPackages), nameof(PackedPackages.AllIds))]
    public void Readme_IsTheProjectReadme(string id)
    {
        using var package = PackageFile.Open(PackedPackages.PackagePath(id));

        var packed = System.Text.Encoding.UTF8.GetString(package.Read("README.md"));

        packed.Should().Be(Repository.ReadText($"src/{id}/README.md"));
        packed.Should().StartWith($"# {id}");
    }

    [TestCaseSource(typeof(PackedPackages), nameof(PackedPackages.LibraryIds))]
    public void SymbolsPackage_HasSourceLinkedPdbs(string id)
    {
        using var symbols = PackageFile.Open(PackedPackages.SymbolsPath(id));

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            var pdb = symbols.Read($"lib/{framework}/{id}.pdb");
            var sourceLink = PdbReader.ReadSourceLink(pdb);

            sourceLink.Should().NotBeNull($"the {framework} PDB needs SourceLink");
            var documents = JsonDocument.Parse(sourceLink!).RootElement.GetProperty("documents");
            var target = documents.EnumerateObject().Single().Value.GetString();
            target.Should().MatchRegex(
                "^https://raw\\.githubusercontent\\.com/supabase-bitbucket/SupabaseBitbucket/[0-9a-f]{40}/\\*$");
        }
    }

    [Test]
    public void Pdb_InContinuousIntegration_HasDeterministicPaths()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true")
        {
            Assert.Ignore("Only a build with CI=true sets ContinuousIntegrationBuild.");
        }

        using var symbols = PackageFile.Open(PackedPackages.SymbolsPath("SupabaseBitbucket"));

        var paths = PdbReader.ReadDocumentPaths(symbols.Read("lib/net10.0/SupabaseBitbucket.pdb"));

        paths.Should().NotBeEmpty();
        paths.Should().OnlyContain(path => path.StartsWith("/_/", StringComparison.Ordinal));
    }
}
