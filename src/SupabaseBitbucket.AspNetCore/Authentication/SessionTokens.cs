using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Stores the Supabase session's tokens in, and reads them from, the authentication cookie's properties.
/// </summary>
internal static class SessionTokens
{
    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string TokenType = "token_type";
    private const string ExpiresAt = "expires_at";
    private const string ProviderToken = "provider_token";
    private const string ProviderRefreshToken = "provider_refresh_token";
    private const string CheckedAtItem = ".supabase_checked_at";

    public static void Store(AuthenticationProperties properties, Session session)
    {
        var tokens = new List<AuthenticationToken>
        {
            new() { Name = AccessToken, Value = session.AccessToken },
            new() { Name = RefreshToken, Value = session.RefreshToken },
            new() { Name = TokenType, Value = session.TokenType },
            new() { Name = ExpiresAt, Value = session.ExpiresAt.ToString("o", CultureInfo.InvariantCulture) },
        };

        // Refresh responses carry no provider tokens, so the ones from the code exchange are kept.
        var providerToken = session.ProviderToken ?? properties.GetTokenValue(ProviderToken);
        var providerRefreshToken = session.ProviderRefreshToken ?? properties.GetTokenValue(ProviderRefreshToken);
        if (!string.IsNullOrEmpty(providerToken))
        {
            tokens.Add(new AuthenticationToken { Name = ProviderToken, Value = providerToken });
        }

        if (!string.IsNullOrEmpty(providerRefreshToken))
        {
            tokens.Add(new AuthenticationToken { Name = ProviderRefreshToken, Value = providerRefreshToken });
        }

        properties.StoreTokens(tokens);
    }

    /// <summary>Records when Supabase last confirmed the session, by a refresh, a user check or the sign-in.</summary>
    public static void MarkChecked(AuthenticationProperties properties, DateTimeOffset at)
    {
        properties.Items[CheckedAtItem] = at.ToString("o", CultureInfo.InvariantCulture);
    }

    /// <summary>Returns when Supabase last confirmed the session; a cookie without the record counts as never.</summary>
    public static DateTimeOffset LastChecked(AuthenticationProperties properties)
    {
        return properties.Items.TryGetValue(CheckedAtItem, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;
    }

    /// <summary>Reads the session, or returns <see langword="null"/> when the cookie lacks a required token.</summary>
    public static Session? Read(AuthenticationProperties properties, TimeProvider timeProvider)
    {
        var accessToken = properties.GetTokenValue(AccessToken);
        var refreshToken = properties.GetTokenValue(RefreshToken);
        var expiresAtText = properties.GetTokenValue(ExpiresAt);
        if (string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(refreshToken)
            || !DateTimeOffset.TryParse(expiresAtText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind,
                out var expiresAt))
        {
            return null;
        }

        var remaining = expiresAt - timeProvider.GetUtcNow();
        return new Session
        {
            AccessToken = accessToken,
            RefreshToken = refreshToken,
            TokenType = properties.GetTokenValue(TokenType) ?? "bearer",
            ExpiresAt = expiresAt,
            ExpiresIn = remaining > TimeSpan.Zero ? (int)remaining.TotalSeconds : 0,
            ProviderToken = properties.GetTokenValue(ProviderToken),
            ProviderRefreshToken = properties.GetTokenValue(ProviderRefreshToken),
        };
    }
}
