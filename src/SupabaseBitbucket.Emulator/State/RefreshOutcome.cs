using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.State;

/// <summary>
/// The result of a refresh: the session and the refresh token to return, or the error. A rejected reuse
/// also names the session whose tokens it revoked.
/// </summary>
internal sealed record RefreshOutcome(AuthSession? Session, string? RefreshToken, SupabaseError? Error)
{
    public static RefreshOutcome Failed(string code, string message) =>
        new(null, null, new SupabaseError(400, code, message));
}
