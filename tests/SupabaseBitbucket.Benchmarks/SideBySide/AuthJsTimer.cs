using System.Text.Json;
using SupabaseBitbucket.Benchmarks.Micro;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>
/// Runs <c>node/sign-in-timing.mjs</c>, which times <c>signInWithOAuth</c> of @supabase/auth-js with the same
/// project URL, key and redirect URL as <see cref="BenchmarkServices"/>, and parses the JSON it prints.
/// </summary>
internal sealed class AuthJsTimer(NodeTools tools, string scriptFolder)
{
    private const string Script = "sign-in-timing.mjs";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <exception cref="InvalidOperationException">The script failed or printed an incomplete result.</exception>
    public async Task<AuthJsTiming> MeasureAsync(int count, WarmUp warmUp)
    {
        var input = JsonSerializer.Serialize(
            new
            {
                BenchmarkServices.SupabaseUrl,
                Key = BenchmarkServices.PublishableKey,
                BenchmarkServices.RedirectTo,
                Count = count,
                WarmUpCount = warmUp.Count,
                WarmUpSeconds = warmUp.MinimumDuration.TotalSeconds,
            },
            JsonOptions);
        using var node = ChildProcess.Start(tools.Node, [Script, input], scriptFolder);

        // No timeout, because the run lasts as long as the count requires. Ctrl+C stops node with this program.
        var exitCode = await node.WaitForExitAsync(Timeout.InfiniteTimeSpan);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"node {Script} failed with exit code {exitCode}:\n{node.Error}");
        }

        var output = JsonSerializer.Deserialize<ScriptOutput>(node.Output, JsonOptions);
        if (output is null || output.Count != count || output.Seconds <= 0 || string.IsNullOrEmpty(output.Url))
        {
            throw new InvalidOperationException(
                $"node {Script} printed no complete result for {count} calls; standard output:\n{node.Output}");
        }

        return new AuthJsTiming(
            new SignInTiming(output.Count, output.Seconds, output.Url), output.NodeVersion, output.AuthJsVersion);
    }

    private sealed record ScriptOutput(int Count, double Seconds, string Url, string NodeVersion, string AuthJsVersion);
}
