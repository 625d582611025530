namespace SupabaseBitbucket.Packaging.Tests.Infrastructure;

/// <summary>Finds files of the repository that the tests run from.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root: the folder that contains <c>SupabaseBitbucket.sln</c>.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string ReadText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupabaseBitbucket.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SupabaseBitbucket.sln above {AppContext.BaseDirectory}.");
    }
}
