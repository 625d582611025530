using System.Diagnostics;
using System.Text;

namespace SupabaseBitbucket.Sample.Console.Tests;

/// <summary>
/// Runs the built console sample as a child process, as a user would, with the environment the test gives it.
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly TaskCompletionSource<Uri> signInUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object gate = new();

    private SampleProcess(Process process)
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

    public string Error
    {
        get
        {
            lock (gate)
            {
                return error.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the sample with <paramref name="args"/>. The Supabase environment variables of the test run are
    /// removed first, then <paramref name="environment"/> is applied, and no graphical session is visible.
    /// </summary>
    public static SampleProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supabase-bitbucket-signin.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "Supabase__Url", "Supabase__PublishableKey", "DISPLAY", "WAYLAND_DISPLAY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var sample = new SampleProcess(process);
        process.OutputDataReceived += (_, e) => sample.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => sample.OnError(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Returns the sign-in URL once the sample has printed it.</summary>
    public async Task<Uri> WaitForSignInUrlAsync()
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(signInUrl.Task, exited, Task.Delay(ExitTimeout));
        return first == signInUrl.Task
            ? await signInUrl.Task
            : throw new AssertionException($"The sample printed no sign-in URL. Output:\n{Output}\nErrors:\n{Error}");
    }

    /// <summary>Waits for the sample to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"The sample did not exit within {ExitTimeout}. Output:\n{Output}");
        }

        // The parameterless wait also drains the redirected output.
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

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
        }

        var trimmed = line.Trim();
        if (trimmed.StartsWith("http", StringComparison.Ordinal) && trimmed.Contains("/auth/v1/authorize", StringComparison.Ordinal))
        {
            signInUrl.TrySetResult(new Uri(trimmed));
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            error.AppendLine(line);
        }
    }
}
