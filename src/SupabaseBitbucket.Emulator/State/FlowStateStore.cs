using SupabaseBitbucket.Emulator.Auth;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.State;

/// <summary>The sign-ins in progress; every read-check-write runs under one lock, so a code is used once.</summary>
internal sealed class FlowStateStore
{
    private readonly object gate = new();
    private readonly Dictionary<Guid, FlowState> byId = [];
    private readonly Dictionary<string, FlowState> byAuthCode = new(StringComparer.Ordinal);

    public void Add(FlowState flowState)
    {
        lock (gate)
        {
            byId.Add(flowState.Id, flowState);
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
            return byId.GetValueOrDefault(id);
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
        byId.Remove(flowState.Id);
        if (flowState.AuthCode is not null)
        {
            byAuthCode.Remove(flowState.AuthCode);
        }
    }
}
