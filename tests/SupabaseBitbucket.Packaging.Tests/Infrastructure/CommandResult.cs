namespace SupabaseBitbucket.Packaging.Tests.Infrastructure;

/// <summary>The exit code and the combined output of a finished command.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}, output:\n{Output}";
}
