using System.Text;

namespace SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;

/// <summary>Mutates a query string (without its <c>?</c>) the ways a tampering user or a broken proxy would.</summary>
internal static class QueryMutator
{
    /// <summary>Printable ASCII less space and <c>#</c>, which would end the request target or start a fragment.</summary>
    public static readonly string Alphabet = new([.. Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).Where(c => c != '#')]);

    private static readonly string[] BadEscapes =
        ["%", "%G", "%zz", "%u00e9", "%%", "%2", "%C3", "%C3%28", "%FF%FE", "%ED%A0%80", "%00", "%0A", "%F0%9F"];

    private static readonly string[] NonAscii = ["é", "／", "\u202E", "😀", "\uFFFF", "\uFEFF", "\u0130", "ß"];

    private static readonly string[] EmptyKeys = ["&=x", "&&", "&=", "=&", "&==", "&=&=&", "&flow", "&code"];

    private static readonly string[] ProviderErrors =
    [
        "error=access_denied", "error=server_error&error_description=Error+getting+user+email+from+external+provider",
        "error=", "error=x&error=y", "error_code=bad_oauth_state", "error=%00",
    ];

    /// <summary>
    /// Applies one random mutation. With <paramref name="useRealValues"/> false, swapped-in flow ids and codes are
    /// random rather than those of real flows.
    /// </summary>
    public static string Mutate(
        Random random, string query, IReadOnlyList<RealFlow> flows, bool useRealValues, List<string> mutations)
    {
        switch (random.Next(13))
        {
            case 0:
                mutations.Add("flipped a character");
                return query.Length == 0 ? query : Replace(query, random.Next(query.Length), RandomChar(random).ToString());
            case 1:
                mutations.Add("deleted a character");
                return query.Length == 0 ? query : query.Remove(random.Next(query.Length), 1);
            case 2:
                mutations.Add("inserted a character");
                return query.Insert(random.Next(query.Length + 1), RandomChar(random).ToString());
            case 3:
                mutations.Add("duplicated a parameter");
                return DuplicateParameter(random, query);
            case 4:
                mutations.Add("dropped a parameter");
                return DropParameter(random, query);
            case 5:
                mutations.Add("made a value huge");
                return query + (query.Length == 0 ? "" : "&") + RandomKey(random) + "=" + RandomText(random, random.Next(1000, 5000));
            case 6:
                mutations.Add("added invalid percent-encoding");
                return query.Insert(random.Next(query.Length + 1), BadEscapes[random.Next(BadEscapes.Length)]);
            case 7:
                mutations.Add("added encoded Unicode");
                return query.Insert(random.Next(query.Length + 1), Uri.EscapeDataString(NonAscii[random.Next(NonAscii.Length)]));
            case 8:
                mutations.Add("added an empty key");
                return query.Insert(random.Next(query.Length + 1), EmptyKeys[random.Next(EmptyKeys.Length)]);
            case 9:
                mutations.Add("added a provider error");
                return query + "&" + ProviderErrors[random.Next(ProviderErrors.Length)];
            case 10:
                mutations.Add("swapped in another flow id");
                return SetParameter(query, "flow", !useRealValues || random.Next(3) == 0 ? RandomText(random, 22) : FlowId(flows[random.Next(flows.Count)]));
            case 11:
                mutations.Add("swapped in another code");
                return SetParameter(query, "code", !useRealValues || random.Next(3) == 0 ? RandomGuid(random) : Code(flows[random.Next(flows.Count)]));
            default:
                mutations.Add("changed the case of the keys");
                return query.Replace("flow=", "FLOW=", StringComparison.Ordinal).Replace("code=", "Code=", StringComparison.Ordinal);
        }
    }

    public static string RandomQuery(Random random)
    {
        var query = new StringBuilder();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            query.Append(i == 0 ? "" : "&").Append(RandomKey(random)).Append('=').Append(RandomText(random, random.Next(0, 60)));
        }

        return query.ToString();
    }

    public static string RandomText(Random random, int length)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = RandomChar(random);
        }

        return new string(text);
    }

    public static string FlowId(RealFlow flow) => Parameter(flow.CallbackPathAndQuery, "flow");

    public static string Code(RealFlow flow) => Parameter(flow.CallbackPathAndQuery, "code");

    private static string RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static char RandomChar(Random random) => Alphabet[random.Next(Alphabet.Length)];

    private static string RandomKey(Random random) => random.Next(4) switch
    {
        0 => "flow",
        1 => "code",
        2 => "next",
        _ => RandomText(random, random.Next(1, 8)),
    };

    private static string Replace(string text, int index, string replacement) =>
        string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + 1));

    private static string DuplicateParameter(Random random, string query)
    {
        var parameters = query.Split('&');
        var copy = parameters[random.Next(parameters.Length)];
        return query + "&" + (random.Next(2) == 0 ? copy : copy + RandomChar(random));
    }

    private static string DropParameter(Random random, string query)
    {
        var parameters = query.Split('&').ToList();
        parameters.RemoveAt(random.Next(parameters.Count));
        return string.Join('&', parameters);
    }

    private static string SetParameter(string query, string key, string value)
    {
        var parameters = query.Split('&').Where(p => !p.StartsWith(key + "=", StringComparison.Ordinal)).ToList();
        parameters.Add(key + "=" + value);
        return string.Join('&', parameters);
    }

    private static string Parameter(string pathAndQuery, string key)
    {
        var query = pathAndQuery[(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..];
        return query.Split('&').First(p => p.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
    }
}
