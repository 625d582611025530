namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>The tokens of a Bitbucket token response.</summary>
internal sealed record BitbucketTokens(string AccessToken, string RefreshToken, int ExpiresIn);
