namespace SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;

/// <summary>
/// A sign-in stopped just before its callback: the callback's path and query (with flow id and code) and the
/// flow cookie the browser stores for it. Fuzz cases start from these and mutate them.
/// </summary>
internal sealed record RealFlow(string CallbackPathAndQuery, string FlowCookieName, string FlowCookieValue);
