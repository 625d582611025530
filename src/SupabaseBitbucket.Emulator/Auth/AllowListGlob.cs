using System.Text;
using System.Text.RegularExpressions;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// A redirect allow-list entry, matched like the gobwas/glob patterns that Supabase Auth compiles with
/// <c>.</c> and <c>/</c> as separators: <c>*</c> matches any run of characters without a separator,
/// <c>**</c> any run at all, <c>?</c> one character that is not a separator, <c>[abc]</c>, <c>[a-z]</c> and
/// <c>[!abc]</c> one character of a class, <c>{a,b}</c> one of the alternatives, and <c>\</c> escapes.
/// </summary>
internal sealed class AllowListGlob
{
    private readonly Regex regex;

    public AllowListGlob(string pattern)
    {
        Pattern = pattern;
        regex = new Regex("^" + Translate(pattern) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Pattern { get; }

    public bool IsMatch(string text) => regex.IsMatch(text);

    private static string Translate(string pattern)
    {
        var builder = new StringBuilder();
        var braceDepth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    builder.Append(".*");
                    i++;
                    break;
                case '*':
                    builder.Append("[^./]*");
                    break;
                case '?':
                    builder.Append("[^./]");
                    break;
                case '\\' when i + 1 < pattern.Length:
                    builder.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '[':
                    i = AppendClass(pattern, i, builder);
                    break;
                case '{':
                    braceDepth++;
                    builder.Append("(?:");
                    break;
                case '}' when braceDepth > 0:
                    braceDepth--;
                    builder.Append(')');
                    break;
                case ',' when braceDepth > 0:
                    builder.Append('|');
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braceDepth > 0)
        {
            throw new ArgumentException($"The redirect allow-list entry '{pattern}' has an unclosed '{{'.");
        }

        return builder.ToString();
    }

    private static int AppendClass(string pattern, int start, StringBuilder builder)
    {
        var close = pattern.IndexOf(']', start + 1);
        if (close < 0)
        {
            throw new ArgumentException($"The redirect allow-list entry '{pattern}' has an unclosed '['.");
        }

        var body = pattern[(start + 1)..close];
        var negated = body.StartsWith('!');
        if (negated)
        {
            body = body[1..];
        }

        builder.Append(negated ? "[^" : "[");
        foreach (var c in body)
        {
            builder.Append(c == '-' ? "-" : Regex.Escape(c.ToString()).Replace("]", "\\]", StringComparison.Ordinal));
        }

        builder.Append(']');
        return close;
    }
}
