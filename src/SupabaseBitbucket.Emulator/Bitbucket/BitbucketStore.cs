using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>
/// What the emulated Bitbucket issued: single-use authorization codes, access tokens and refresh tokens.
/// Expired codes and access tokens are removed a few at a time as new ones are issued.
/// </summary>
internal sealed class BitbucketStore(TimeProvider clock, int maxPendingCodes = BitbucketStore.DefaultMaxPendingCodes)
{
    /// <summary>
    /// The default maximum number of unredeemed codes, beyond which the oldest is dropped. The consent endpoint
    /// needs no key, so without a maximum a page that calls it in a loop with auto-consent on could exhaust memory.
    /// </summary>
    public const int DefaultMaxPendingCodes = 100_000;

    /// <summary>Bitbucket Cloud's access token lifetime: two hours.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(2);

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    private readonly object gate = new();
    private readonly ExpiringGrants codes = new(maxPendingCodes);
    private readonly ExpiringGrants accessTokens = new(int.MaxValue);

    // NOTE: refresh tokens never expire here, so each refresh adds one that is kept until the emulator stops.
    private readonly Dictionary<string, BitbucketGrant> refreshTokens = new(StringComparer.Ordinal);

    /// <summary>Gets how many issued codes are neither redeemed nor removed after expiry.</summary>
    public int PendingCodeCount
    {
        get
        {
            lock (gate)
            {
                return codes.Count;
            }
        }
    }

    /// <summary>Gets how many issued access tokens have not been removed after expiry.</summary>
    public int AccessTokenCount
    {
        get
        {
            lock (gate)
            {
                return accessTokens.Count;
            }
        }
    }

    public string IssueCode(string username)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            return codes.Issue(new BitbucketGrant(username, now + CodeLifetime), 24, now);
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
        var now = clock.GetUtcNow();
        var accessToken = accessTokens.Issue(new BitbucketGrant(username, now + AccessTokenLifetime), 48, now);
        var refreshToken = NewValue(refreshTokens, 24);
        refreshTokens.Add(refreshToken, new BitbucketGrant(username, DateTimeOffset.MaxValue));
        return new BitbucketTokens(accessToken, refreshToken, (int)AccessTokenLifetime.TotalSeconds);
    }

    private static string NewValue(Dictionary<string, BitbucketGrant> table, int length)
    {
        string value;
        do
        {
            value = RandomNumberGenerator.GetString(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", length);
        }
        while (table.ContainsKey(value));

        return value;
    }

    /// <summary>
    /// Grants of one lifetime, so they expire in the order they were issued. The caller holds the store's lock.
    /// </summary>
    private sealed class ExpiringGrants(int capacity)
    {
        // Bounds the work of one Issue call. Removing more than one per call keeps expired grants from piling up.
        private const int MaxExpiredRemovalsPerIssue = 16;

        private readonly Dictionary<string, BitbucketGrant> grants = new(StringComparer.Ordinal);

        // Every grant in the table, oldest first, and redeemed grants until they reach the front.
        private readonly Queue<(string Value, BitbucketGrant Grant)> byAge = new();

        public int Count => grants.Count;

        public bool TryGetValue(string value, [MaybeNullWhen(false)] out BitbucketGrant grant) =>
            grants.TryGetValue(value, out grant);

        public bool Remove(string value, [MaybeNullWhen(false)] out BitbucketGrant grant) =>
            grants.Remove(value, out grant);

        /// <summary>Removes a few expired grants, and the oldest beyond the capacity, then adds a new one.</summary>
        public string Issue(BitbucketGrant grant, int length, DateTimeOffset now)
        {
            var removed = 0;
            while (removed < MaxExpiredRemovalsPerIssue
                && byAge.TryPeek(out var oldest)
                && oldest.Grant.ExpiresAt < now)
            {
                DropOldest();
                removed++;
            }

            while (grants.Count >= capacity)
            {
                DropOldest();
            }

            var value = NewValue(grants, length);
            grants.Add(value, grant);
            byAge.Enqueue((value, grant));
            return value;
        }

        private void DropOldest()
        {
            var (value, grant) = byAge.Dequeue();

            // A redeemed value may have been issued again since, so only the same grant is removed.
            if (grants.TryGetValue(value, out var current) && ReferenceEquals(current, grant))
            {
                grants.Remove(value);
            }
        }
    }
}
