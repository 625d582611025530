using System.Diagnostics;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>
/// Runs a program that is built next to the tests, such as the standalone emulator, as a child process until it
/// exits, and keeps what it printed.
/// </summary>
internal sealed record ProgramProcess(int ExitCode, string Output, string Error)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>dotnet <paramref name="assemblyFile"/></c> with <paramref name="args"/>.</summary>
    public static async Task<ProgramProcess> RunAsync(string assemblyFile, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyFile));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"dotnet {assemblyFile} did not exit within {ExitTimeout}.");
        }

        return new ProgramProcess(process.ExitCode, await output, await error);
    }
}
