using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// Reads the body of a successful code exchange or refresh into a <see cref="Session"/>.
/// </summary>
internal static class SessionReader
{
    /// <summary>
    /// Returns the session, or <see langword="null"/> with the problem (free of secrets) when the body is not a
    /// usable session.
    /// </summary>
    /// <param name="body">The response body.</param>
    /// <param name="receivedAt">The time the response arrived, for computing a missing <c>expires_at</c>.</param>
    /// <param name="problem">What is wrong with the body, when the result is <see langword="null"/>.</param>
    public static Session? TryRead(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, out string? problem)
    {
        SessionResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(body.Span, SupabaseAuthJsonContext.Default.SessionResponse);
        }
        catch (JsonException)
        {
            // NOTE: a typed user field of an unexpected JSON type, such as a number for app_metadata.provider, also
            // lands here and fails the whole session, although its tokens may be valid.
            problem = "the body is not a JSON session object";
            return null;
        }

        if (response is not { AccessToken.Length: > 0, RefreshToken.Length: > 0, ExpiresIn: not null })
        {
            problem = "the body has no " + string.Join(", ", MissingFields(response));
            return null;
        }

        problem = null;
        return ToSession(response, receivedAt);
    }

    /// <summary>Lists the fields without which the body is not a session, the same rule @supabase/auth-js applies.</summary>
    private static List<string> MissingFields(SessionResponse? response)
    {
        var missing = new List<string>();
        if (string.IsNullOrEmpty(response?.AccessToken))
        {
            missing.Add("access_token");
        }

        if (string.IsNullOrEmpty(response?.RefreshToken))
        {
            missing.Add("refresh_token");
        }

        if (response?.ExpiresIn is null)
        {
            missing.Add("expires_in");
        }

        return missing;
    }

    private static Session ToSession(SessionResponse response, DateTimeOffset receivedAt)
    {
        var expiresIn = response.ExpiresIn!.Value;
        var expiresAt = response.ExpiresAt is { } seconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : receivedAt.AddSeconds(expiresIn);
        return new Session
        {
            AccessToken = response.AccessToken!,
            TokenType = string.IsNullOrEmpty(response.TokenType) ? "bearer" : response.TokenType,
            ExpiresIn = expiresIn,
            ExpiresAt = expiresAt,
            RefreshToken = response.RefreshToken!,
            User = response.User is { Id: { Length: > 0 } } user ? UserMapper.ToUser(user) : null,
            ProviderToken = EmptyToNull(response.ProviderToken),
            ProviderRefreshToken = EmptyToNull(response.ProviderRefreshToken),
        };
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
