namespace SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;

/// <summary>One fuzzed request: a GET of the app with a raw path and query and a raw Cookie header.</summary>
/// <param name="Number">The case number; together with the run's seed it regenerates the case.</param>
/// <param name="Target">Which endpoint the request goes to.</param>
/// <param name="PathAndQuery">The request target, sent byte for byte.</param>
/// <param name="CookieHeader">The Cookie header, or empty for none.</param>
/// <param name="Mutations">What was done to the real request, for failure messages.</param>
internal sealed record FuzzCase(int Number, FuzzTarget Target, string PathAndQuery, string CookieHeader, string Mutations);
