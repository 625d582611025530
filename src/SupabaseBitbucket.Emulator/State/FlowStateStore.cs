using SupabaseBitbucket.Emulator.Auth;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.State;

/// <summary>
/// The sign-ins in progress; every read-check-write runs under one lock, so a code is used once. Each
/// <see cref="Add"/> removes a few flow states past their retention and, at the capacity, the oldest one.
/// </summary>
/// <param name="clock">The emulator's clock, which dates the removal of old flow states.</param>
/// <param name="lifetime">How long a flow state can be used.</param>
/// <param name="capacity">How many flow states are kept at most.</param>
internal sealed class FlowStateStore(
    TimeProvider clock, TimeSpan lifetime, int capacity = FlowStateStore.DefaultCapacity)
{
    /// <summary>
    /// The default capacity, so a page that hammers <c>/authorize</c>, which needs no API key, cannot exhaust memory.
    /// </summary>
    public const int DefaultCapacity = 100_000;

    // Bounds the work of one Add. Removing more than one per call keeps old flow states from piling up.
    public const int MaxRemovalsPerAdd = 16;

    // Supabase Auth keeps flow states in a database table, so a code exchange after the lifetime still finds
    // the row and returns flow_state_expired. Its cleanup (internal/models/cleanup.go in supabase/auth)
    // deletes rows 24 hours after creation. This store keeps them as long, or for the lifetime if that is longer.
    private readonly TimeSpan retention = lifetime > TimeSpan.FromHours(24) ? lifetime : TimeSpan.FromHours(24);

    private readonly object gate = new();

    // Oldest first, as flow states are added with the current time.
    private readonly LinkedList<FlowState> byAge = new();
    private readonly Dictionary<Guid, LinkedListNode<FlowState>> byId = [];
    private readonly Dictionary<string, FlowState> byAuthCode = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    public void Add(FlowState flowState)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var removed = 0;
            while (removed < MaxRemovalsPerAdd
                && byAge.First is { } oldest
                && now - oldest.Value.CreatedAt > retention)
            {
                RemoveLocked(oldest.Value);
                removed++;
            }

            while (byId.Count >= capacity)
            {
                RemoveLocked(byAge.First!.Value);
            }

            byId.Add(flowState.Id, byAge.AddLast(flowState));
            if (flowState.AuthCode is not null)
            {
                byAuthCode.Add(flowState.AuthCode, flowState);
            }
        }
    }

    public FlowState? Find(Guid id)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(id)?.Value;
        }
    }

    /// <summary>Records the user and Bitbucket tokens of a PKCE flow; false when another callback did first.</summary>
    public bool TryComplete(FlowState flowState, Guid userId, string providerToken, string providerRefreshToken)
    {
        lock (gate)
        {
            if (flowState.UserId is not null || !byId.ContainsKey(flowState.Id))
            {
                return false;
            }

            flowState.UserId = userId;
            flowState.ProviderToken = providerToken;
            flowState.ProviderRefreshToken = providerRefreshToken;
            return true;
        }
    }

    /// <summary>
    /// Checks a code exchange in the order Supabase Auth does (known and completed, not expired, verifier)
    /// and removes the flow state when it succeeds, so each code works once.
    /// </summary>
    public (FlowState? FlowState, SupabaseError? Error) Exchange(
        string authCode, string verifier, DateTimeOffset now, TimeSpan lifetime)
    {
        lock (gate)
        {
            if (!byAuthCode.TryGetValue(authCode, out var flowState) || flowState.UserId is null)
            {
                var notFound = "invalid flow state, no valid flow state found";
                return (null, new SupabaseError(404, "flow_state_not_found", notFound));
            }

            if (flowState.IsExpired(now, lifetime))
            {
                var expired = "invalid flow state, flow state has expired";
                return (null, new SupabaseError(422, "flow_state_expired", expired));
            }

            if (!PkceChallenge.Matches(flowState.CodeChallenge!, flowState.CodeChallengeMethod!, verifier))
            {
                return (null, new SupabaseError(400, "bad_code_verifier", PkceChallenge.MismatchMessage));
            }

            RemoveLocked(flowState);
            return (flowState, null);
        }
    }

    public void Remove(FlowState flowState)
    {
        lock (gate)
        {
            RemoveLocked(flowState);
        }
    }

    private void RemoveLocked(FlowState flowState)
    {
        if (byId.Remove(flowState.Id, out var node))
        {
            byAge.Remove(node);
        }

        if (flowState.AuthCode is not null)
        {
            byAuthCode.Remove(flowState.AuthCode);
        }
    }
}
