using System.Diagnostics;
using System.Text;

namespace SupabaseBitbucket.Packaging.Tests.Infrastructure;

/// <summary>
/// Runs a command line as a shell would split it (words separated by spaces, no quoting), and waits for it or
/// reads its output while it runs.
/// </summary>
internal sealed class CommandRunner : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly object gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Line)> waiters = [];

    private CommandRunner(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public static CommandRunner Start(
        string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var executable = words[0].Contains('/', StringComparison.Ordinal)
            ? Path.GetFullPath(words[0], workingDirectory)
            : words[0];
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        // A child that inherits these would use a Supabase project of the environment instead of the emulator.
        start.Environment.Remove("Supabase__Url");
        start.Environment.Remove("Supabase__PublishableKey");
        start.Environment.Remove("DISPLAY");
        start.Environment.Remove("WAYLAND_DISPLAY");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var runner = new CommandRunner(process);
        process.OutputDataReceived += (_, e) => runner.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => runner.OnLine(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
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
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var earlier = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match);
            if (earlier is not null)
            {
                return earlier;
            }

            waiters.Add((match, line));
        }

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(line.Task, exited, Task.Delay(timeout));
        if (first != line.Task)
        {
            throw new AssertionException($"No expected line within {timeout}; output so far:\n{Output}");
        }

        return await line.Task;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"The command did not exit within {timeout}; output:\n{Output}");
        }

        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
            foreach (var waiter in waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Line.TrySetResult(line);
                waiters.Remove(waiter);
            }
        }
    }
}
