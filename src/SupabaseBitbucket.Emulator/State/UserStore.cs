namespace SupabaseBitbucket.Emulator.State;

/// <summary>The Supabase Auth users, created on a Bitbucket account's first sign-in.</summary>
internal sealed class UserStore
{
    private readonly object gate = new();
    private readonly Dictionary<Guid, AuthUser> byId = [];
    private readonly Dictionary<string, Guid> byBitbucketUuid = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the user of a Bitbucket identity, or refreshes its identity data and sign-in time. As on
    /// Supabase, the user's own email stays the one of the first sign-in.
    /// </summary>
    public AuthUser SignIn(IdentityData identity, DateTimeOffset now)
    {
        lock (gate)
        {
            if (byBitbucketUuid.TryGetValue(identity.BitbucketUuid, out var id))
            {
                var updated = byId[id] with { Identity = identity, UpdatedAt = now, LastSignInAt = now };
                byId[id] = updated;
                return updated;
            }

            var user = new AuthUser(Guid.NewGuid(), identity.Email, Guid.NewGuid(), identity, now, now, now);
            byId.Add(user.Id, user);
            byBitbucketUuid.Add(identity.BitbucketUuid, user.Id);
            return user;
        }
    }

    public AuthUser? Find(Guid id)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(id);
        }
    }

    public void RecordSignIn(Guid id, DateTimeOffset now)
    {
        lock (gate)
        {
            if (byId.TryGetValue(id, out var user))
            {
                byId[id] = user with { LastSignInAt = now };
            }
        }
    }
}
