using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.Sample.Console.Tests;

/// <summary>
/// Runs the built console sample as a child process, as a user would, with the environment the test gives it.
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _child;

    private SampleProcess(ChildProcess child)
    {
        _child = child;
    }

    public string Output => _child.Output;

    public string Error => _child.Error;

    /// <summary>
    /// Starts the sample with <paramref name="args"/>. The Supabase environment variables of the test run are
    /// removed first, then <paramref name="environment"/> is applied, and no graphical session is visible.
    /// </summary>
    public static SampleProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var arguments = args.Prepend(Path.Combine(AppContext.BaseDirectory, "supabase-bitbucket-signin.dll"));
        var variables = environment?.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value));
        return new SampleProcess(ChildProcess.Start("dotnet", arguments, environment: variables));
    }

    /// <summary>Returns the sign-in URL once the sample has printed it.</summary>
    public async Task<Uri> WaitForSignInUrlAsync()
    {
        var line = await _child.WaitForLineAsync(IsSignInUrl, ExitTimeout);
        return new Uri(line.Trim());
    }

    /// <summary>Waits for the sample to exit and returns its exit code.</summary>
    public Task<int> WaitForExitAsync() => _child.WaitForExitAsync(ExitTimeout);

    public void Dispose() => _child.Dispose();

    private static bool IsSignInUrl(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("http", StringComparison.Ordinal)
            && trimmed.Contains("/auth/v1/authorize", StringComparison.Ordinal);
    }
}
