namespace SupabaseBitbucket.Emulator;

/// <summary>An endpoint of the emulator that can be made to fail with <see cref="EmulatorFault"/>.</summary>
public enum EmulatorEndpoint
{
    /// <summary><c>GET /auth/v1/authorize</c>.</summary>
    Authorize,

    /// <summary><c>GET</c> or <c>POST /auth/v1/callback</c>.</summary>
    Callback,

    /// <summary><c>POST /auth/v1/token?grant_type=pkce</c>.</summary>
    TokenPkce,

    /// <summary><c>POST /auth/v1/token?grant_type=refresh_token</c>.</summary>
    TokenRefresh,

    /// <summary><c>GET /auth/v1/user</c>.</summary>
    User,

    /// <summary><c>POST /auth/v1/logout</c>.</summary>
    Logout,

    /// <summary><c>GET /auth/v1/settings</c>.</summary>
    Settings,

    /// <summary>
    /// The Bitbucket token endpoint, both over HTTP and in the code exchange of <c>/auth/v1/callback</c>.
    /// </summary>
    BitbucketToken,

    /// <summary>
    /// Bitbucket's <c>/2.0/user</c>, both over HTTP and in the profile look-up of <c>/auth/v1/callback</c>.
    /// </summary>
    BitbucketUser,

    /// <summary>
    /// Bitbucket's <c>/2.0/user/emails</c>, both over HTTP and in the email look-up of
    /// <c>/auth/v1/callback</c>.
    /// </summary>
    BitbucketEmails,
}
