using System.Globalization;
using System.Text;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// Reads a data file of one value a line, so that values with control characters and whitespace can be written
/// visibly. Blank lines and lines that start with <c>#</c> are skipped.
/// </summary>
/// <remarks>
/// Escapes: <c>\\</c> a backslash, <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\f</c>, <c>\v</c>, <c>\0</c>,
/// <c>\s</c> a space (for a value that starts or ends with one), <c>\uXXXX</c> one UTF-16 code unit, and
/// <c>\{N}</c>, which repeats the character before it until it stands N times in a row (for very long values).
/// Any other character after a backslash is an error, so a forgotten escape cannot pass silently.
/// </remarks>
internal static class EscapedLines
{
    public static IReadOnlyList<DataLine> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var values = new List<DataLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            values.Add(new DataLine(fileName, i + 1, Decode(line, fileName, i + 1)));
        }

        return values;
    }

    public static string Decode(string line, string fileName = "(inline)", int lineNumber = 0)
    {
        var value = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\')
            {
                value.Append(line[i]);
                continue;
            }

            if (i + 1 >= line.Length)
            {
                throw Invalid(fileName, lineNumber, "a backslash ends the line; write \\\\ for a backslash");
            }

            var escape = line[++i];
            switch (escape)
            {
                case '\\': value.Append('\\'); break;
                case 't': value.Append('\t'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case '0': value.Append('\0'); break;
                case 's': value.Append(' '); break;
                case 'u':
                    value.Append(ReadCodeUnit(line, ref i, fileName, lineNumber));
                    break;
                case '{':
                    RepeatLast(value, ReadCount(line, ref i, fileName, lineNumber), fileName, lineNumber);
                    break;
                default:
                    throw Invalid(fileName, lineNumber, $"unknown escape \\{escape}");
            }
        }

        return value.ToString();
    }

    private static char ReadCodeUnit(string line, ref int i, string fileName, int lineNumber)
    {
        if (line.Length - i - 1 < 4
            || !ushort.TryParse(line.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture,
                out var unit))
        {
            throw Invalid(fileName, lineNumber, "\\u needs four hex digits");
        }

        i += 4;
        return (char)unit;
    }

    private static int ReadCount(string line, ref int i, string fileName, int lineNumber)
    {
        var end = line.IndexOf('}', i);
        if (end < 0 || !int.TryParse(line.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture,
                out var count) || count < 1)
        {
            throw Invalid(fileName, lineNumber, "\\{N} needs a positive count and a closing brace");
        }

        i = end;
        return count;
    }

    private static void RepeatLast(StringBuilder value, int count, string fileName, int lineNumber)
    {
        if (value.Length == 0)
        {
            throw Invalid(fileName, lineNumber, "\\{N} needs a character before it");
        }

        var last = value[^1];
        var run = 0;
        while (run < value.Length && value[value.Length - 1 - run] == last)
        {
            run++;
        }

        value.Append(last, Math.Max(0, count - run));
    }

    private static FormatException Invalid(string fileName, int lineNumber, string problem) =>
        new($"{fileName} line {lineNumber} is invalid: {problem}.");
}
