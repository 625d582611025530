namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>
/// A sign-in that auth-js completed through a server: the code from the final redirect, the verifier, and the
/// session when the script also exchanged the code.
/// </summary>
internal sealed record NodeFlowResult(
    string? Code, string? CodeVerifier, NodeSession? Session, NodeError? Error, int Redirects);
