namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>A decoded value of a data file, with where it came from for test names and failure messages.</summary>
public sealed record DataLine(string FileName, int LineNumber, string Value)
{
    /// <summary>Returns the value with control characters, whitespace and non-ASCII written as escapes, cut to 60 characters.</summary>
    public string Display()
    {
        var visible = string.Concat(Value.Take(60).Select(c => c is >= '!' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
        return Value.Length > 60 ? $"{visible}... ({Value.Length} chars)" : visible;
    }

    public override string ToString() => $"{FileName}:{LineNumber} {Display()}";
}
