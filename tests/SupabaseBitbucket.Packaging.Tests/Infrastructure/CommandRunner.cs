using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.Packaging.Tests.Infrastructure;

/// <summary>
/// Runs a command line as a shell would split it (words separated by spaces, no quoting), and waits for it or
/// reads its output while it runs.
/// </summary>
internal sealed class CommandRunner : IDisposable
{
    private readonly ChildProcess _child;

    private CommandRunner(ChildProcess child)
    {
        _child = child;
    }

    /// <summary>Gets standard output and error so far, interleaved.</summary>
    public string Output => _child.AllOutput;

    public static CommandRunner Start(
        string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var executable = words[0].Contains('/', StringComparison.Ordinal)
            ? Path.GetFullPath(words[0], workingDirectory)
            : words[0];
        return new CommandRunner(ChildProcess.Start(executable, words.Skip(1), workingDirectory, environment));
    }

    public static async Task<CommandResult> RunAsync(
        string commandLine,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var runner = Start(commandLine, workingDirectory, environment);
        var exitCode = await runner.WaitForExitAsync(timeout);
        return new CommandResult(exitCode, runner.Output);
    }

    /// <summary>Returns the first output line that matches, printed before or after the call.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout) =>
        _child.WaitForLineAsync(match, timeout);

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _child.WaitForExitAsync(timeout);

    public void Dispose() => _child.Dispose();
}
