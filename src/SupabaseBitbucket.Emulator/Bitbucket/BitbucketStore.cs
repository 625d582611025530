using System.Security.Cryptography;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>
/// What the emulated Bitbucket issued: single-use authorization codes, access tokens and refresh tokens.
/// </summary>
internal sealed class BitbucketStore(TimeProvider clock)
{
    /// <summary>Bitbucket Cloud's access token lifetime: two hours.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(2);

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    private readonly object gate = new();
    private readonly Dictionary<string, BitbucketGrant> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BitbucketGrant> accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BitbucketGrant> refreshTokens = new(StringComparer.Ordinal);

    public string IssueCode(string username)
    {
        lock (gate)
        {
            return Add(codes, new BitbucketGrant(username, clock.GetUtcNow() + CodeLifetime), 24);
        }
    }

    /// <summary>
    /// Redeems an authorization code once; returns <see langword="null"/> for an unknown or used one.
    /// </summary>
    public BitbucketTokens? RedeemCode(string code)
    {
        lock (gate)
        {
            if (!codes.Remove(code, out var grant) || grant.ExpiresAt < clock.GetUtcNow())
            {
                return null;
            }

            return IssueTokensLocked(grant.Username);
        }
    }

    /// <summary>Swaps a refresh token for new tokens; the old refresh token keeps working, as on Bitbucket.</summary>
    public BitbucketTokens? Refresh(string refreshToken)
    {
        lock (gate)
        {
            return refreshTokens.TryGetValue(refreshToken, out var grant) ? IssueTokensLocked(grant.Username) : null;
        }
    }

    /// <summary>Returns the username an access token belongs to, unless it is unknown or expired.</summary>
    public string? FindUsername(string accessToken)
    {
        lock (gate)
        {
            return accessTokens.TryGetValue(accessToken, out var grant) && grant.ExpiresAt > clock.GetUtcNow()
                ? grant.Username
                : null;
        }
    }

    private BitbucketTokens IssueTokensLocked(string username)
    {
        var expiresAt = clock.GetUtcNow() + AccessTokenLifetime;
        var accessToken = Add(accessTokens, new BitbucketGrant(username, expiresAt), 48);
        var refreshToken = Add(refreshTokens, new BitbucketGrant(username, DateTimeOffset.MaxValue), 24);
        return new BitbucketTokens(accessToken, refreshToken, (int)AccessTokenLifetime.TotalSeconds);
    }

    private static string Add(Dictionary<string, BitbucketGrant> table, BitbucketGrant grant, int length)
    {
        string value;
        do
        {
            value = RandomNumberGenerator.GetString(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", length);
        }
        while (table.ContainsKey(value));

        table.Add(value, grant);
        return value;
    }
}
