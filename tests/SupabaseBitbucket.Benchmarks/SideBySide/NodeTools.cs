using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>The node and npm programs found on PATH.</summary>
internal sealed class NodeTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private NodeTools(string node, string npm)
    {
        Node = node;
        Npm = npm;
    }

    public string Node { get; }

    public string Npm { get; }

    /// <exception cref="InvalidOperationException">node or npm is not on PATH.</exception>
    public static NodeTools FindOnPath()
    {
        var node = ChildProcess.FindOnPath("node");
        var npm = ChildProcess.FindOnPath("npm");
        if (node is null || npm is null)
        {
            throw new InvalidOperationException(
                $"{(node is null ? "node" : "npm")} is not on PATH, so the @supabase/auth-js side cannot run. "
                + "Install Node.js with npm (on Debian or Ubuntu: apt-get install nodejs npm) and run again.");
        }

        return new NodeTools(node, npm);
    }

    /// <summary>
    /// Runs <c>npm ci</c> in <paramref name="folder"/> when its node_modules lacks @supabase/auth-js, which installs
    /// the versions that the folder's package-lock.json pins.
    /// </summary>
    /// <exception cref="InvalidOperationException">npm ci failed.</exception>
    public async Task InstallPackagesAsync(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules", "@supabase", "auth-js")))
        {
            return;
        }

        await Console.Error.WriteLineAsync($"Installing @supabase/auth-js with npm ci in {folder}.");
        using var npmCi = ChildProcess.Start(Npm, ["ci", "--no-audit", "--no-fund"], folder);
        var exitCode = await npmCi.WaitForExitAsync(InstallTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci failed in {folder} with exit code {exitCode}:\n{npmCi.AllOutput}");
        }
    }
}
