using System.Text;

namespace SupabaseBitbucket.Benchmarks.Reporting;

/// <summary>
/// A Markdown table with a left-aligned first column and right-aligned others, ready to paste into
/// docs/benchmarks.md.
/// </summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells but the table has {headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public override string ToString()
    {
        var table = new StringBuilder();
        AppendLine(table, headers);
        AppendLine(table, [.. headers.Select((_, column) => column == 0 ? "---" : "---:")]);
        foreach (var row in _rows)
        {
            AppendLine(table, row);
        }

        return table.ToString();
    }

    private static void AppendLine(StringBuilder table, string[] cells) =>
        table.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
}
