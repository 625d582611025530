using System.Globalization;

namespace SupabaseBitbucket.Sample.Console.CommandLine;

/// <summary>Parses the command line of the console sign-in sample.</summary>
internal static class SampleCommandLine
{
    public const string Usage = """
        Usage: supabase-bitbucket-signin [options]

        Signs in with Bitbucket through Supabase Auth from a terminal: prints the sign-in URL, opens the
        browser, receives the callback on http://127.0.0.1:<random port>/callback, and prints the user.

        The Supabase project comes from the options below, else from the environment variables
        Supabase__Url and Supabase__PublishableKey. With neither, the sample starts the emulator in process.

        Options:
          --supabase-url <url>        Supabase project URL, such as https://<project-ref>.supabase.co.
          --publishable-key <key>     The project's publishable (or legacy anon) key.
          --auto-consent <username>   Sign in to the emulator the sample starts as this account (alice, bob),
                                      with no consent page and no browser.
          --no-browser                Only print the sign-in URL; do not open a browser.
          --sign-out                  Sign out right after sign-in instead of asking.
          --timeout <seconds>         How long to wait for the browser to return (default 300).
          --help                      Show this text.

        Exit codes: 0 signed in, 1 sign-in failed or timed out, 2 invalid option or configuration.
        """;

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--supabase-url", "--publishable-key", "--auto-consent", "--timeout",
    };

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return CommandLineResult.Help;
                case "--no-browser":
                    options.NoBrowser = true;
                    continue;
                case "--sign-out":
                    options.SignOut = true;
                    continue;
            }

            if (!ValueOptions.Contains(name))
            {
                return CommandLineResult.Failed($"Unknown option '{name}'.");
            }

            if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                return CommandLineResult.Failed($"Option {name} needs a value.");
            }

            if (Apply(options, name, args[++i]) is { } error)
            {
                return CommandLineResult.Failed(error);
            }
        }

        return new CommandLineResult(options, false, null);
    }

    private static string? Apply(SampleOptions options, string name, string value)
    {
        switch (name)
        {
            case "--supabase-url":
                options.SupabaseUrl = value;
                return null;
            case "--publishable-key":
                options.PublishableKey = value;
                return null;
            case "--auto-consent":
                options.AutoConsent = value;
                return null;
            default:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    || seconds is < 1 or > 3600)
                {
                    return $"Option --timeout has the invalid value '{value}': use 1 to 3600 seconds.";
                }

                options.CallbackTimeout = TimeSpan.FromSeconds(seconds);
                return null;
        }
    }
}
