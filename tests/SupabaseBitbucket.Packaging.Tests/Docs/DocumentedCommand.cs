namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>A shell command shown in README.md or docs/, and what runs it.</summary>
/// <param name="CommandLine">The command exactly as documented.</param>
/// <param name="RunBy">What runs the command verbatim.</param>
internal sealed record DocumentedCommand(string CommandLine, CommandRunBy RunBy);
