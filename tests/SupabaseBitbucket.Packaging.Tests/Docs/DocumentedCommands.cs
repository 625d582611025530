namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>
/// Every shell command that README.md and docs/*.md show in <c>```sh</c> blocks, with what runs it. A command
/// added to the docs must be added here, and so be run by a test or by CI.
/// </summary>
internal static class DocumentedCommands
{
    public const string AddAspNetCorePackage = "dotnet add package SupabaseBitbucket.AspNetCore";
    public const string AddCorePackage = "dotnet add package SupabaseBitbucket";
    public const string RunWebSample = "dotnet run --project samples/SupabaseBitbucket.Sample.Web";
    public const string RunConsoleSample = "dotnet run --project samples/SupabaseBitbucket.Sample.Console";
    public const string RunConsoleSampleAutoConsent =
        "dotnet run --project samples/SupabaseBitbucket.Sample.Console -- --auto-consent alice --sign-out";
    public const string RunEmulator = "dotnet run --project src/SupabaseBitbucket.Emulator -- --port 54321";
    public const string RunEmulatorHelp = "dotnet run --project src/SupabaseBitbucket.Emulator -- --help";

    public static IReadOnlyList<DocumentedCommand> All { get; } =
    [
        new(AddAspNetCorePackage, CommandRunBy.ConsumerProjectTest),
        new(AddCorePackage, CommandRunBy.ConsumerProjectTest),
        new(RunWebSample, CommandRunBy.DocumentedCommandTests),
        new(RunConsoleSample, CommandRunBy.DocumentedCommandTests),
        new(RunConsoleSampleAutoConsent, CommandRunBy.DocumentedCommandTests),
        new(RunEmulator, CommandRunBy.DocumentedCommandTests),
        new(RunEmulatorHelp, CommandRunBy.DocumentedCommandTests),
        new("dotnet test SupabaseBitbucket.sln -c Release", CommandRunBy.CiScript),
        new("dotnet pack -c Release -o artifacts/packages", CommandRunBy.CiScript),
        new(
            "dotnet tool install --tool-path artifacts/tools --add-source artifacts/packages SupabaseBitbucket.Emulator.Tool",
            CommandRunBy.CiScript),
        new("artifacts/tools/supabase-bitbucket-emulator --help", CommandRunBy.CiScript),
        new(
            "dotnet publish samples/SupabaseBitbucket.Sample.Console -c Release -r linux-x64 -o artifacts/console",
            CommandRunBy.CiScript),
        new("artifacts/console/supabase-bitbucket-signin --auto-consent alice --sign-out", CommandRunBy.CiScript),
        new("dotnet run -c Release --project tests/SupabaseBitbucket.Benchmarks -- --filter '*'", CommandRunBy.CiScript),
        new("dotnet run -c Release --project tests/SupabaseBitbucket.Benchmarks -- compare-auth-js", CommandRunBy.CiScript),
        new("dotnet run -c Release --project tests/SupabaseBitbucket.Benchmarks -- full-flow", CommandRunBy.CiScript),
    ];
}
