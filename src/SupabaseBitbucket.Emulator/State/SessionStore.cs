using System.Security.Cryptography;

namespace SupabaseBitbucket.Emulator.State;

/// <summary>
/// Sessions and their refresh tokens. Ending a session deletes its refresh tokens with it, as the database
/// of Supabase Auth does, so a refresh token of a signed-out session is simply not found.
/// </summary>
/// <remarks>
/// NOTE: sessions have no timebox or inactivity timeout, so a refresh never fails with
/// <c>session_expired</c> here.
/// </remarks>
internal sealed class SessionStore
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object gate = new();
    private readonly Dictionary<Guid, AuthSession> sessions = [];
    private readonly Dictionary<string, RefreshToken> tokens = new(StringComparer.Ordinal);

    public (AuthSession Session, string RefreshToken) Create(Guid userId, DateTimeOffset now)
    {
        lock (gate)
        {
            var session = new AuthSession(Guid.NewGuid(), userId, now);
            sessions.Add(session.Id, session);
            return (session, IssueLocked(session, parent: null).Value);
        }
    }

    public AuthSession? Find(Guid sessionId)
    {
        lock (gate)
        {
            return sessions.GetValueOrDefault(sessionId);
        }
    }

    public IReadOnlyList<Guid> ActiveSessionIds()
    {
        lock (gate)
        {
            return [.. sessions.Keys];
        }
    }

    public bool IsRefreshTokenUsable(string refreshToken)
    {
        lock (gate)
        {
            return tokens.TryGetValue(refreshToken, out var token) && !token.Revoked;
        }
    }

    /// <summary>
    /// Swaps a refresh token by the rotation rules of Supabase Auth. A revoked token is accepted again in
    /// two cases: it is the parent of the session's current token, when the current token comes back
    /// unchanged because the client lost the previous response; or it was revoked within the reuse interval,
    /// when a new token is issued. Any other reuse revokes every token of the session.
    /// </summary>
    public RefreshOutcome Refresh(string refreshToken, DateTimeOffset now, TimeSpan reuseInterval)
    {
        lock (gate)
        {
            if (!tokens.TryGetValue(refreshToken, out var token))
            {
                return RefreshOutcome.Failed(
                    "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
            }

            var session = token.Session;
            if (token.Revoked)
            {
                var current = session.CurrentRefreshToken;
                if (current is not null && current.Parent == token.Value)
                {
                    return new RefreshOutcome(session, current.Value, null);
                }

                if (now > token.RevokedAt + reuseInterval)
                {
                    session.RefreshTokens.ForEach(t => t.Revoke(now));
                    var reused = RefreshOutcome.Failed(
                        "refresh_token_already_used", "Invalid Refresh Token: Already Used");
                    return reused with { Session = session };
                }
            }

            token.Revoke(now);
            return new RefreshOutcome(session, IssueLocked(session, token.Value).Value, null);
        }
    }

    /// <summary>Ends sessions of a user: every one, only the given one, or all others.</summary>
    public int SignOut(Guid userId, Guid? sessionId, string scope)
    {
        lock (gate)
        {
            var ending = sessions.Values
                .Where(s => s.UserId == userId)
                .Where(s => scope switch
                {
                    "local" => s.Id == sessionId,
                    "others" => s.Id != sessionId,
                    _ => true,
                })
                .ToList();
            foreach (var session in ending)
            {
                sessions.Remove(session.Id);
                session.RefreshTokens.ForEach(t => tokens.Remove(t.Value));
            }

            return ending.Count;
        }
    }

    private RefreshToken IssueLocked(AuthSession session, string? parent)
    {
        string value;
        do
        {
            value = RandomNumberGenerator.GetString(TokenAlphabet, 12);
        }
        while (tokens.ContainsKey(value));

        var token = new RefreshToken(value, parent, session);
        session.RefreshTokens.Add(token);
        tokens.Add(value, token);
        return token;
    }
}
