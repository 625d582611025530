using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.State;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>The mapped Bitbucket identity and tokens of a callback, or the server error it ends with.</summary>
internal sealed record BitbucketSignInResult(
    string Username, IdentityData? Identity, BitbucketTokens? Tokens, SupabaseError? Error)
{
    public static BitbucketSignInResult Failed(string message) =>
        new(string.Empty, null, null, SupabaseError.Unexpected(message));
}
