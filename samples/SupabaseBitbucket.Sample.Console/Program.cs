using SupabaseBitbucket.Sample.Console;
using SupabaseBitbucket.Sample.Console.CommandLine;

var parsed = SampleCommandLine.Parse(args);
if (parsed.ShowHelp)
{
    Console.WriteLine(SampleCommandLine.Usage);
    return ConsoleSignIn.ExitSignedIn;
}

if (parsed.Options is not { } options)
{
    Console.Error.WriteLine(parsed.Error + Environment.NewLine);
    Console.Error.WriteLine(SampleCommandLine.Usage);
    return ConsoleSignIn.ExitInvalidUsage;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

try
{
    return await new ConsoleSignIn(options, Console.Out, Console.Error).RunAsync(cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Sign-in cancelled.");
    return ConsoleSignIn.ExitFailed;
}
