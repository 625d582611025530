using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>
/// Runs the scripts in the project's <c>node/</c> folder, which drive the official @supabase/auth-js client.
/// Each script reads one JSON document on stdin and prints one JSON document on stdout.
/// </summary>
internal static class NodeScripts
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The folder with package.json, the lock file and the scripts, taken from the build.</summary>
    public static string Directory { get; } = typeof(NodeScripts).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NodeScriptsDirectory")
        .Value!;

    /// <summary>
    /// Ignores the calling test when node or npm is not installed, and runs <c>npm ci</c> once per test run
    /// when node_modules is missing.
    /// </summary>
    public static async Task EnsureInstalledAsync()
    {
        var node = FindOnPath("node");
        var npm = FindOnPath("npm");
        if (node is null || npm is null)
        {
            Assert.Ignore(
                $"{(node is null ? "node" : "npm")} is missing from PATH, so the official JavaScript client cannot "
                + "run. Install Node.js with npm; .ci/run installs both.");
        }

        await InstallLock.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }

            if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@supabase", "auth-js")))
            {
                var result = await RunProcessAsync(
                    npm, ["ci", "--no-audit", "--no-fund"], standardInput: null, InstallTimeout);
                if (result.ExitCode != 0)
                {
                    Assert.Fail($"npm ci failed in {Directory} with exit code {result.ExitCode}:\n{result.StandardError}");
                }
            }

            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a script with <paramref name="input"/> as JSON on stdin and parses its JSON output.</summary>
    public static async Task<T> RunAsync<T>(string script, object input)
    {
        await EnsureInstalledAsync();
        var node = FindOnPath("node")!;
        var json = JsonSerializer.Serialize(input, JsonOptions);

        // NOTE: @supabase/auth-js 2.119.0 declares node >= 22. These scripts pass on node 20, and a call that
        // needs node 22 would fail here with node's error in the message.
        var result = await RunProcessAsync(node, [script], json, ScriptTimeout);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"node {script} failed with exit code {result.ExitCode}:\n{result.StandardError}");
        }

        return JsonSerializer.Deserialize<T>(result.StandardOutput, JsonOptions)
            ?? throw new InvalidOperationException($"node {script} printed null instead of a JSON result.");
    }

    private static async Task<ProcessResult> RunProcessAsync(
        string fileName, string[] arguments, string? standardInput, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // UTF-8 without a byte order mark both ways, because JSON.parse rejects a leading BOM.
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Starting {fileName} failed.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await using (var stdin = process.StandardInput)
        {
            await stdin.WriteAsync(standardInput ?? string.Empty);
        }

        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} timed out after {timeout}.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    private static string? FindOnPath(string command)
    {
        var names = OperatingSystem.IsWindows() ? new[] { command + ".exe", command + ".cmd" } : [command];
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    private sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
}
