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
}
