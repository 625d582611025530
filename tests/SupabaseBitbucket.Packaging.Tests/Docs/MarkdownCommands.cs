using System.Text.RegularExpressions;
using SupabaseBitbucket.Packaging.Tests.Infrastructure;

namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>Reads the fenced code blocks of README.md and docs/*.md.</summary>
internal static partial class MarkdownCommands
{
    public static IReadOnlyList<string> DocumentPaths =>
    [
        "README.md",
        .. Directory.GetFiles(Repository.PathOf("docs"), "*.md").Order().Select(p => Path.GetRelativePath(Repository.Root, p)),
    ];

    /// <summary>Returns each command line of the <c>```sh</c> blocks, with the document it is in.</summary>
    public static IReadOnlyList<(string Document, string CommandLine)> ShellCommands() =>
    [
        .. from document in DocumentPaths
           from block in Blocks(document, "sh")
           from line in block.Split('\n')
           let command = line.Trim()
           where command.Length > 0 && !command.StartsWith('#')
           select (document, command),
    ];

    /// <summary>Returns the contents of the fenced blocks of one language in a document, in order.</summary>
    public static IReadOnlyList<string> Blocks(string document, string language) =>
        [.. FencedBlock().Matches(Repository.ReadText(document))
            .Where(m => m.Groups["language"].Value == language)
            .Select(m => Dedent(m.Groups["body"].Value))];

    private static string Dedent(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"^[ \t]*```(?<language>[a-z]*)[ \t]*\r?\n(?<body>.*?)^[ \t]*```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
