namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>Temporary directories for Data Protection key rings, deleted on dispose.</summary>
internal sealed class KeyDirectories : IDisposable
{
    private readonly List<string> _directories = [];

    public string Create()
    {
        var directory = Directory.CreateTempSubdirectory("supabase-bitbucket-keys-").FullName;
        _directories.Add(directory);
        return directory;
    }

    /// <summary>The settings of a sample instance that keeps its key ring in <paramref name="keysPath"/>.</summary>
    public static Dictionary<string, string?> InstanceSettings(string keysPath) => new()
    {
        ["DataProtection:KeysPath"] = keysPath,
        ["Logging:LogLevel:Microsoft"] = "Warning",
    };

    public void Dispose()
    {
        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
