using SupabaseBitbucket.Packaging.Tests.Infrastructure;

namespace SupabaseBitbucket.Packaging.Tests.Packages;

/// <summary>
/// Packs the solution once for every test in this namespace, from the Release build that
/// <c>dotnet test SupabaseBitbucket.sln -c Release</c> made before it ran the tests.
/// </summary>
[SetUpFixture]
public sealed class PackedPackages
{
    public static readonly string[] LibraryIds = ["SupabaseBitbucket", "SupabaseBitbucket.AspNetCore"];

    public static readonly string[] AllIds =
        ["SupabaseBitbucket", "SupabaseBitbucket.AspNetCore", "SupabaseBitbucket.Emulator", "SupabaseBitbucket.Emulator.Tool"];

    private static string? directory;

    /// <summary>Gets the folder with the packed .nupkg and .snupkg files.</summary>
    public static string Directory => directory ?? throw new InvalidOperationException("The solution was not packed.");

    /// <summary>Gets the version all packages carry: VersionPrefix from Directory.Build.props.</summary>
    public static string Version { get; private set; } = string.Empty;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        directory = Path.Combine(Path.GetTempPath(), "supabase-bitbucket-pack-" + Guid.NewGuid().ToString("N"));
        Version = System.Text.RegularExpressions.Regex.Match(
            Repository.ReadText("Directory.Build.props"), "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;

        // --no-build packs what the solution build made: rebuilding here could rewrite DLLs that other test
        // projects have loaded at this moment.
        var result = await CommandRunner.RunAsync(
            $"dotnet pack SupabaseBitbucket.sln -c Release --no-build -o {directory}",
            Repository.Root,
            TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                "dotnet pack --no-build failed. Build the solution first with "
                + $"`dotnet build SupabaseBitbucket.sln -c Release`. {result}");
        }
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (directory is not null && System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    public static string PackagePath(string id) => Path.Combine(Directory, $"{id}.{Version}.nupkg");

    public static string SymbolsPath(string id) => Path.Combine(Directory, $"{id}.{Version}.snupkg");
}
