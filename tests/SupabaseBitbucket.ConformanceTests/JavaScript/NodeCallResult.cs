using System.Text.Json;

namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>What one auth-js call of <c>calls.mjs</c> returned, and the HTTP responses it received.</summary>
/// <param name="Session">The session of an exchange or refresh.</param>
/// <param name="User">The user object of a getUser call.</param>
/// <param name="Error">The error auth-js returned.</param>
/// <param name="Thrown">The message of an exception auth-js threw instead of returning an error.</param>
/// <param name="Responses">The responses, in order; empty when auth-js sent nothing.</param>
internal sealed record NodeCallResult(
    NodeSession? Session,
    JsonElement? User,
    NodeError? Error,
    string? Thrown,
    IReadOnlyList<NodeResponse> Responses);
