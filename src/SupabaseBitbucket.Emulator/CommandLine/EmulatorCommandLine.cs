using System.Globalization;
using SupabaseBitbucket.Emulator.Auth;

namespace SupabaseBitbucket.Emulator.CommandLine;

/// <summary>Parses the command line of the standalone emulator.</summary>
internal static class EmulatorCommandLine
{
    /// <summary>The command name of the program built from this repository.</summary>
    public const string RepositoryCommandName = "SupabaseBitbucket.Emulator";

    private const string UsageBody = """
        Runs a local Supabase Auth with the Bitbucket provider, and an emulated Bitbucket, on 127.0.0.1
        until Ctrl+C or SIGTERM.

        Options:
          --port <number>                TCP port on 127.0.0.1, 0 to 65535; 0 picks a free port (default 54321,
                                         the port of a local Supabase).
          --site-url <url>               Site URL: the redirect of last resort (default http://127.0.0.1:3000).
          --redirect-allow-list <globs>  Comma-separated redirect URL globs, such as http://localhost:*/**.
          --auto-consent <username>      Grant Bitbucket access as this account without the consent page;
                                         'first' picks the first account.
          --help                         Show this text.

        Exit codes:
          0  stopped by Ctrl+C or SIGTERM, or --help
          1  could not listen, for example because the port is in use
          2  invalid option
        """;

    /// <summary>
    /// The port of the standalone emulator when no option names one: the port <c>supabase start</c> uses.
    /// </summary>
    public const int DefaultPort = 54321;

    /// <summary>Formats the usage text, with <paramref name="commandName"/> as the command to run.</summary>
    public static string FormatUsage(string commandName) =>
        $"Usage: {commandName} [options]{Environment.NewLine}{Environment.NewLine}{UsageBody}";

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var options = new SupabaseAuthEmulatorOptions { Port = DefaultPort };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            if (name is "--help" or "-h" or "-?")
            {
                return CommandLineResult.Help;
            }

            if (name is not ("--port" or "--site-url" or "--redirect-allow-list" or "--auto-consent"))
            {
                return CommandLineResult.Failed($"Unknown option '{args[i]}'.");
            }

            if (!seen.Add(name))
            {
                return CommandLineResult.Failed($"Option {name} is given more than once; give it once.");
            }

            var value = inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return CommandLineResult.Failed($"Option {name} needs a value.");
            }

            if (Apply(options, name, value) is { } error)
            {
                return CommandLineResult.Failed(error);
            }
        }

        return new CommandLineResult(options, false, null);
    }

    private static (string Name, string? Value) SplitOption(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static string? Apply(SupabaseAuthEmulatorOptions options, string name, string value)
    {
        switch (name)
        {
            case "--port":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                {
                    return $"Option --port has the invalid value '{value}': use a number from 0 to 65535.";
                }

                options.Port = port;
                return null;
            case "--site-url":
                if (!Uri.TryCreate(value, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
                {
                    return $"Option --site-url has the invalid value '{value}': use an absolute http or https URL.";
                }

                options.SiteUrl = value;
                return null;
            case "--redirect-allow-list":
                return ApplyAllowList(options, value);
            default:
                options.AutoConsent = value;
                return null;
        }
    }

    private static string? ApplyAllowList(SupabaseAuthEmulatorOptions options, string value)
    {
        var patterns = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var pattern in patterns)
        {
            try
            {
                _ = new AllowListGlob(pattern);
            }
            catch (ArgumentException exception)
            {
                return $"Option --redirect-allow-list has an invalid entry: {exception.Message}";
            }

            options.RedirectAllowList.Add(pattern);
        }

        return null;
    }
}
