using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SupabaseBitbucket.Benchmarks.Micro;

namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>
/// The <c>compare-auth-js [count]</c> command: times starting a Bitbucket sign-in with PKCE in @supabase/auth-js under
/// node, then in <see cref="ISignInService"/> in this process, the same number of times after a warm-up, and prints
/// both with their ratio. The two sides run one after the other, so they do not compete for processors.
/// </summary>
internal static class CompareAuthJsCommand
{
    public const string Name = "compare-auth-js";

    private const int DefaultCount = 200_000;

    /// <summary>Runs the command and returns the exit code: 0, 1 when a side failed, 2 for invalid arguments.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        if (!TryParseCount(arguments, out var count))
        {
            await Console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Usage: {Name} [count]. The count of sign-ins each side starts is a positive whole number "
                + $"({DefaultCount:N0} by default). The arguments were: {string.Join(' ', arguments)}"));
            return 2;
        }

        var warmUp = WarmUp.For(count);
        AuthJsTiming authJs;
        try
        {
            var tools = NodeTools.FindOnPath();
            var scriptFolder = Path.Combine(AppContext.BaseDirectory, "node");
            await tools.InstallPackagesAsync(scriptFolder);
            authJs = await new AuthJsTimer(tools, scriptFolder).MeasureAsync(count, warmUp);
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync($"{Name} failed: {exception.Message}");
            return 1;
        }

        using var services = BenchmarkServices.Create(new CannedTokenHandler());
        var timer = new DotNetSignInTimer(services.GetRequiredService<ISignInService>());
        var (ours, bytesPerCall) = timer.Measure(count, warmUp);
        new ComparisonReport(authJs, ours, bytesPerCall, warmUp).Print(Console.Out);
        return 0;
    }

    private static bool TryParseCount(string[] arguments, out int count)
    {
        count = DefaultCount;
        return arguments.Length switch
        {
            0 => true,
            1 => int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0,
            _ => false,
        };
    }
}
