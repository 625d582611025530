namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>A sign-in that auth-js started: the authorize URL and the code verifier it stored.</summary>
internal sealed record NodeSignIn(string? Url, string? CodeVerifier, NodeError? Error);
