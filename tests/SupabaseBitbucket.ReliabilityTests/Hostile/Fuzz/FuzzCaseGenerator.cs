namespace SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;

/// <summary>
/// Generates fuzz case number N of a run from the run's seed alone, so that any failing case can be generated
/// again and workers in parallel do not change what is sent.
/// </summary>
internal sealed class FuzzCaseGenerator(int seed, IReadOnlyList<RealFlow> flows, IReadOnlyList<string> hostileNextValues)
{
    /// <summary>Keeps the request line well inside Kestrel's 8 KB limit.</summary>
    private const int MaxTargetLength = 7_000;

    public FuzzCase Create(int number)
    {
        var random = new Random(unchecked((seed * 1_000_003) + number));
        var flow = flows[random.Next(flows.Count)];
        var mutations = new List<string>();
        var target = random.Next(4) == 0 ? FuzzTarget.Login : FuzzTarget.Callback;
        var path = target == FuzzTarget.Login ? "/auth/login" : "/auth/callback";

        var query = target == FuzzTarget.Login ? LoginQuery(random, mutations) : CallbackQuery(random, flow, mutations);
        // NOTE: a login writes the path of its `next` value to the log as sent, so the secret scan would find a
        // real code mutated into a login query. Only callbacks get real codes and flow ids, because there they are
        // the input under test. At a login they would only be the sender's own text written back.
        var mutationCount = random.Next(0, 4);
        for (var i = 0; i < mutationCount; i++)
        {
            query = QueryMutator.Mutate(random, query, flows, target == FuzzTarget.Callback, mutations);
        }

        var cookies = random.Next(12) == 0 ? string.Empty : CookieMutator.Create(random, flow, flows, mutations);
        var pathAndQuery = path + (query.Length == 0 && random.Next(2) == 0 ? string.Empty : "?" + query);
        if (pathAndQuery.Length > MaxTargetLength)
        {
            pathAndQuery = pathAndQuery[..MaxTargetLength];
        }

        return new FuzzCase(number, target, pathAndQuery, cookies, string.Join(", ", mutations));
    }

    private static string CallbackQuery(Random random, RealFlow flow, List<string> mutations)
    {
        if (random.Next(5) == 0)
        {
            mutations.Add("random query");
            return QueryMutator.RandomQuery(random);
        }

        mutations.Add("real callback query");
        return flow.CallbackPathAndQuery[(flow.CallbackPathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..];
    }

    private string LoginQuery(Random random, List<string> mutations)
    {
        switch (random.Next(3))
        {
            case 0:
                mutations.Add("hostile next");
                return "next=" + Uri.EscapeDataString(hostileNextValues[random.Next(hostileNextValues.Count)]);
            case 1:
                mutations.Add("random next");
                return "next=" + QueryMutator.RandomText(random, random.Next(0, 100));
            default:
                mutations.Add("random query");
                return QueryMutator.RandomQuery(random);
        }
    }
}
