using System.Diagnostics;
using System.Text;

namespace SupabaseBitbucket.Testing;

/// <summary>
/// A program that a test runs as a child process, with its standard output and error captured line by line.
/// </summary>
/// <remarks>
/// The child does not inherit the test run's Supabase settings or graphical session, so it uses the emulator and
/// never opens a browser.
/// </remarks>
public sealed class ChildProcess : IDisposable
{
    private static readonly string[] RemovedVariables =
        ["Supabase__Url", "Supabase__PublishableKey", "DISPLAY", "WAYLAND_DISPLAY"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly StringBuilder _allOutput = new();
    private readonly object _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Line)> _waiters = [];

    private ChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Gets what the program wrote to standard output so far.</summary>
    public string Output => Read(_output);

    /// <summary>Gets what the program wrote to standard error so far.</summary>
    public string Error => Read(_error);

    /// <summary>Gets both streams so far, interleaved in the order the lines arrived.</summary>
    public string AllOutput => Read(_allOutput);

    /// <summary>Starts <paramref name="executable"/> with closed standard input.</summary>
    public static ChildProcess Start(
        string executable,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in RemovedVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, child._output);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, child._error);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Returns the full path of <paramref name="command"/> in the first PATH folder that contains it (on Windows
    /// also with .exe or .cmd appended), or <see langword="null"/> when no folder does.
    /// </summary>
    public static string? FindOnPath(string command)
    {
        var names = OperatingSystem.IsWindows() ? [command + ".exe", command + ".cmd"] : new[] { command };
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Returns the first line of either stream that matches, printed before or after the call.</summary>
    /// <exception cref="AssertionException">No line matched before the program exited or the timeout passed.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var earlier = _allOutput.ToString().Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match);
            if (earlier is not null)
            {
                return earlier;
            }

            _waiters.Add((match, line));
        }

        var first = await Task.WhenAny(line.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        if (first != line.Task)
        {
            throw new AssertionException($"No expected line within {timeout}; output so far:\n{AllOutput}");
        }

        return await line.Task;
    }

    /// <summary>Waits for the program to exit and returns its exit code, or kills it after the timeout.</summary>
    /// <exception cref="AssertionException">The program did not exit within the timeout.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new AssertionException($"The program did not exit within {timeout}; output:\n{AllOutput}");
        }

        // The wait without a token also drains the redirected streams.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private string Read(StringBuilder builder)
    {
        lock (_gate)
        {
            return builder.ToString();
        }
    }

    private void OnLine(string? line, StringBuilder stream)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            stream.AppendLine(line);
            _allOutput.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Line.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }
}
