using System.Buffers.Text;
using SupabaseBitbucket.AspNetCore;

namespace SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;

/// <summary>Builds Cookie headers from real flow cookies: intact, damaged, misnamed, drowned among many, or random.</summary>
internal static class CookieMutator
{
    /// <summary>Keeps the header well inside Kestrel's 32 KB limit for all request headers.</summary>
    private const int MaxHeaderLength = 12_000;

    private static readonly string[] SessionValues =
        ["chunks-3", "chunks-2147483647", "chunks-0", "chunks--1", "chunks-", "CfDJ8", ""];

    private static readonly string[] OddSyntax = [";;;", "=", "a", "=a", "\"quoted\"=\"v\"", " ; ", "a=b=c", "$Version=1"];

    public static string Create(Random random, RealFlow flow, IReadOnlyList<RealFlow> flows, List<string> mutations)
    {
        var parts = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            parts.Add(Part(random, flow, flows, mutations));
        }

        var header = string.Join(random.Next(10) == 0 ? "," : "; ", parts.Where(p => p.Length > 0));
        return header.Length > MaxHeaderLength ? header[..MaxHeaderLength] : header;
    }

    private static string Part(Random random, RealFlow flow, IReadOnlyList<RealFlow> flows, List<string> mutations)
    {
        switch (random.Next(11))
        {
            case 0:
            case 1:
                mutations.Add("real flow cookie");
                return flow.FlowCookieName + "=" + flow.FlowCookieValue;
            case 2:
                mutations.Add("truncated flow cookie");
                return flow.FlowCookieName + "=" + flow.FlowCookieValue[..random.Next(flow.FlowCookieValue.Length)];
            case 3:
                mutations.Add("bit-flipped flow cookie");
                return flow.FlowCookieName + "=" + FlipBit(random, flow.FlowCookieValue);
            case 4:
                mutations.Add("flow cookie under another flow's name");
                return flows[random.Next(flows.Count)].FlowCookieName + "=" + flow.FlowCookieValue;
            case 5:
                mutations.Add("another flow's cookie");
                var other = flows[random.Next(flows.Count)];
                return other.FlowCookieName + "=" + other.FlowCookieValue;
            case 6:
                mutations.Add("many flow cookies");
                return ManyFlowCookies(random);
            case 7:
                mutations.Add("forged session cookie");
                return SupabaseBitbucketDefaults.SessionCookieName + "=" + (random.Next(2) == 0
                    ? SessionValues[random.Next(SessionValues.Length)]
                    : QueryMutator.RandomText(random, random.Next(1, 400)).Replace(";", "", StringComparison.Ordinal));
            case 8:
                mutations.Add("same flow cookie twice");
                return flow.FlowCookieName + "=" + QueryMutator.RandomText(random, 20).Replace(";", "", StringComparison.Ordinal)
                    + "; " + flow.FlowCookieName + "=" + flow.FlowCookieValue;
            case 9:
                mutations.Add("odd cookie syntax");
                return OddSyntax[random.Next(OddSyntax.Length)];
            default:
                mutations.Add("random cookie");
                return QueryMutator.RandomText(random, random.Next(1, 20)) + "=" + QueryMutator.RandomText(random, random.Next(0, 200));
        }
    }

    /// <summary>Decodes the base64url cookie value, flips one bit of the protected bytes and encodes it again.</summary>
    private static string FlipBit(Random random, string value)
    {
        var bytes = Base64Url.DecodeFromChars(value);
        bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return Base64Url.EncodeToString(bytes);
    }

    private static string ManyFlowCookies(Random random)
    {
        var cookies = new List<string>();
        var count = random.Next(20, 120);
        for (var i = 0; i < count; i++)
        {
            var id = Base64Url.EncodeToString(BitConverter.GetBytes(random.NextInt64()).Concat(BitConverter.GetBytes(random.NextInt64())).ToArray());
            cookies.Add(SupabaseBitbucketDefaults.FlowCookiePrefix + id + "=" + (random.Next(3) == 0 ? "CfDJ8" : "") + QueryMutator.RandomText(random, random.Next(0, 30)).Replace(";", "", StringComparison.Ordinal));
        }

        return string.Join("; ", cookies);
    }
}
