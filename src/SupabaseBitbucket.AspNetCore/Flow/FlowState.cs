namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// What one started sign-in keeps in its flow cookie until the callback.
/// </summary>
/// <param name="Id">The flow id, also sent in the callback URL.</param>
/// <param name="CodeVerifier">The PKCE code verifier.</param>
/// <param name="Next">The local path to return to after sign-in.</param>
/// <param name="CreatedAt">When the sign-in started.</param>
internal sealed record FlowState(string Id, string CodeVerifier, string Next, DateTimeOffset CreatedAt);
