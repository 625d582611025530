namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>An authorization code, access token or refresh token that the emulated Bitbucket issued.</summary>
internal sealed record BitbucketGrant(string Username, DateTimeOffset ExpiresAt);
