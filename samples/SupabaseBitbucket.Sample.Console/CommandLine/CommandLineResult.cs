namespace SupabaseBitbucket.Sample.Console.CommandLine;

/// <summary>The outcome of parsing the command line: options to run with, a request for help, or an error.</summary>
internal sealed record CommandLineResult(SampleOptions? Options, bool ShowHelp, string? Error)
{
    public static CommandLineResult Help { get; } = new(null, true, null);

    public static CommandLineResult Failed(string error) => new(null, false, error);
}
