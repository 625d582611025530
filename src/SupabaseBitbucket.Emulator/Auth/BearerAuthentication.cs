using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.State;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// Checks the user's access token on <c>/user</c> and <c>/logout</c> as Supabase Auth does: a bearer token,
/// a valid HS256 signature and expiry, an existing user and an existing session.
/// </summary>
internal sealed partial class BearerAuthentication(EmulatorRuntime runtime)
{
    public (AuthUser? User, AuthSession? Session, JsonElement Claims, SupabaseError? Error) Authenticate(
        HttpRequest request)
    {
        var match = BearerPattern().Match(request.Headers.Authorization.ToString());
        if (!match.Success)
        {
            return Fail(new SupabaseError(401, "no_authorization", "This endpoint requires a valid Bearer token"));
        }

        var token = match.Groups[1].Value;
        if (token == runtime.Settings.PublishableKey)
        {
            // The hosted gateway swaps a publishable key for the anonymous role's JWT, which has no subject.
            return Fail(BadJwt("invalid claim: missing sub claim"));
        }

        var (claims, failure) = runtime.Codec.Verify(token);
        if (failure is not null)
        {
            return Fail(BadJwt("invalid JWT: unable to parse or verify signature, " + failure));
        }

        var subject = ReadString(claims, "sub");
        if (string.IsNullOrEmpty(subject))
        {
            return Fail(BadJwt("invalid claim: missing sub claim"));
        }

        if (!Guid.TryParse(subject, out var userId))
        {
            return Fail(new SupabaseError(400, "bad_jwt", "invalid claim: sub claim must be a UUID"));
        }

        var user = runtime.Users.Find(userId);
        if (user is null)
        {
            return Fail(new SupabaseError(403, "user_not_found", "User from sub claim in JWT does not exist"));
        }

        var sessionClaim = ReadString(claims, "session_id");
        if (string.IsNullOrEmpty(sessionClaim) || sessionClaim == Guid.Empty.ToString())
        {
            return (user, null, claims, null);
        }

        if (!Guid.TryParse(sessionClaim, out var sessionId))
        {
            return Fail(BadJwt("invalid claim: session_id claim must be a UUID"));
        }

        var session = runtime.Sessions.Find(sessionId);
        return session is null
            ? Fail(new SupabaseError(403, "session_not_found", "Session from session_id claim in JWT does not exist"))
            : (user, session, claims, null);
    }

    private static (AuthUser?, AuthSession?, JsonElement, SupabaseError?) Fail(SupabaseError error) =>
        (null, null, default, error);

    private static SupabaseError BadJwt(string message) => new(403, "bad_jwt", message);

    private static string? ReadString(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [GeneratedRegex(@"^[Bb][Ee][Aa][Rr][Ee][Rr] (\S+)$")]
    private static partial Regex BearerPattern();
}
