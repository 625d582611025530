namespace SupabaseBitbucket;

/// <summary>
/// Signs users in with Bitbucket through Supabase Auth using the PKCE flow.
/// </summary>
/// <remarks>
/// Register it with <c>services.AddSupabaseBitbucket(...)</c>. The service keeps no state between calls:
/// the caller keeps the code verifier and the session.
/// </remarks>
public interface ISignInService
{
    /// <summary>
    /// Starts a sign-in: creates a PKCE code verifier and the Supabase authorize URL that carries its challenge.
    /// </summary>
    /// <param name="options">Per-call settings, or <see langword="null"/> for the configured defaults.</param>
    /// <returns>The URL to send the browser to and the code verifier to keep until the callback.</returns>
    /// <exception cref="ArgumentException">
    /// <see cref="BitbucketSignInOptions.RedirectTo"/> is not an absolute http or https URL, or
    /// <see cref="BitbucketSignInOptions.QueryParameters"/> contains a key that the flow sets itself.
    /// </exception>
    /// <remarks>Makes no network call.</remarks>
    BitbucketSignIn SignInWithBitbucket(BitbucketSignInOptions? options = null);

    /// <summary>
    /// Exchanges the authorization code from the sign-in callback and the code verifier for a session.
    /// </summary>
    /// <param name="authCode">The <c>code</c> query parameter of the callback.</param>
    /// <param name="codeVerifier">The <see cref="BitbucketSignIn.CodeVerifier"/> kept since the sign-in started.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new session, with the Bitbucket tokens when Supabase returned them.</returns>
    /// <exception cref="ArgumentException">An argument is <see langword="null"/>, empty or whitespace.</exception>
    /// <exception cref="SupabaseAuthException">
    /// The exchange failed, for example with <see cref="SupabaseAuthErrorCodes.FlowStateNotFound"/> for a code that
    /// is unknown or already used, <see cref="SupabaseAuthErrorCodes.FlowStateExpired"/> or
    /// <see cref="SupabaseAuthErrorCodes.BadCodeVerifier"/>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>
    /// The code is single-use, so the call is never retried, and a failed exchange means a new sign-in.
    /// </remarks>
    Task<Session> ExchangeCodeAsync(string authCode, string codeVerifier, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the user's sessions at Supabase Auth.
    /// </summary>
    /// <param name="accessToken">The access token of the session.</param>
    /// <param name="scope">The sessions to end; <see cref="SignOutScope.Global"/> by default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the sessions have ended.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="accessToken"/> is <see langword="null"/>, empty, or contains whitespace or control characters.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scope"/> is not a defined value.</exception>
    /// <exception cref="SupabaseAuthException">The sign-out failed for another reason than an ended session.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>
    /// HTTP 401, 403 and 404 complete without an exception: the token is expired or invalid, or the session no
    /// longer exists, so it is already signed out. The refresh tokens of the ended sessions stop working.
    /// </remarks>
    Task SignOutAsync(
        string accessToken, SignOutScope scope = SignOutScope.Global, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exchanges a refresh token for a new session.
    /// </summary>
    /// <param name="refreshToken">The <see cref="Session.RefreshToken"/> of the current session.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The new session. It has a new refresh token, and no provider tokens: keep those from the exchange.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="refreshToken"/> is <see langword="null"/>, empty or whitespace.
    /// </exception>
    /// <exception cref="SupabaseAuthException">
    /// The refresh failed, for example with <see cref="SupabaseAuthErrorCodes.RefreshTokenAlreadyUsed"/>,
    /// <see cref="SupabaseAuthErrorCodes.RefreshTokenNotFound"/> or <see cref="SupabaseAuthErrorCodes.SessionNotFound"/>,
    /// which all mean the user must sign in again.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>
    /// The server revokes the refresh token that was sent, so store the new session before using it. The server
    /// accepts a revoked token again only within its reuse interval (10 seconds by default) or when it is the
    /// parent of the session's current token. Otherwise it revokes the whole session.
    /// </remarks>
    Task<Session> RefreshSessionAsync(string refreshToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the user that an access token belongs to, checked by Supabase Auth.
    /// </summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user as currently stored by Supabase Auth.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="accessToken"/> is <see langword="null"/>, empty, or contains whitespace or control characters.
    /// </exception>
    /// <exception cref="SupabaseAuthException">
    /// The token was rejected, for example with <see cref="SupabaseAuthErrorCodes.BadJwt"/> or
    /// <see cref="SupabaseAuthErrorCodes.SessionNotFound"/>, or the request failed.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<SupabaseUser> GetUserAsync(string accessToken, CancellationToken cancellationToken = default);
}
