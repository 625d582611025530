namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Values of the <c>reason</c> query parameter that sign-in failures redirect to the error page with.
/// </summary>
public static class SignInErrorReasons
{
    /// <summary>
    /// The callback found no flow cookie: the sign-in started in another browser, or longer ago than
    /// <see cref="SupabaseBitbucketAuthenticationOptions.FlowLifetime"/> (10 minutes by default).
    /// </summary>
    public const string FlowMissing = "flow_missing";

    /// <summary>The flow cookie could not be read: it was altered, or issued by an app with another key ring.</summary>
    public const string FlowInvalid = "flow_invalid";

    /// <summary>The user pressed Cancel on Bitbucket's consent page.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The Bitbucket account has no email address, which Supabase needs.</summary>
    public const string NoEmail = "no_email";

    /// <summary>Supabase or Bitbucket reported another error on the way back.</summary>
    public const string ProviderError = "provider_error";

    /// <summary>The callback carried neither a code nor an error.</summary>
    public const string CodeMissing = "code_missing";

    /// <summary>The code was already used or is unknown to Supabase.</summary>
    public const string CodeInvalid = "code_invalid";

    /// <summary>The sign-in took longer than Supabase allows between start and callback.</summary>
    public const string FlowExpired = "flow_expired";

    /// <summary>The code verifier does not match the code: the code belongs to another sign-in.</summary>
    public const string VerifierMismatch = "verifier_mismatch";

    /// <summary>Supabase could not be reached or failed; trying again may work.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The sign-out form was not sent by this site.</summary>
    public const string SignOutRejected = "signout_rejected";

    /// <summary>The signed-in user lacks the permissions that the requested page requires.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>Any other failure.</summary>
    public const string Failed = "failed";

    /// <summary>
    /// Returns a title and a plain explanation of <paramref name="reason"/> for an error page.
    /// </summary>
    /// <param name="reason">One of the reasons above; anything else gets the explanation of <see cref="Failed"/>.</param>
    /// <returns>The title and the explanation.</returns>
    public static (string Title, string Explanation) Describe(string? reason) => reason switch
    {
        FlowMissing => ("Sign-in could not be completed",
            "This browser has no record of starting this sign-in. It may have started in another browser, "
            + "cookies may be blocked, or too much time passed. Please sign in again."),
        FlowInvalid => ("Sign-in could not be verified",
            "The sign-in record in this browser could not be read, so it was not trusted. Please sign in again."),
        Cancelled => ("Sign-in cancelled", "You cancelled the sign-in at Bitbucket. Nothing was changed."),
        NoEmail => ("Your Bitbucket account has no email address",
            "Sign-in needs an email address on your Bitbucket account. Add and confirm one in Bitbucket's "
            + "personal settings, then sign in again."),
        ProviderError => ("Bitbucket sign-in failed",
            "Bitbucket or the sign-in service reported an error. Please try again later."),
        CodeMissing => ("Sign-in could not be completed",
            "The sign-in service returned without a sign-in code. Please sign in again."),
        CodeInvalid => ("This sign-in link was already used",
            "Each sign-in can be completed once. Please sign in again."),
        FlowExpired => ("Sign-in took too long", "The sign-in expired before it was completed. Please sign in again."),
        VerifierMismatch => ("Sign-in could not be verified",
            "The sign-in code does not belong to the sign-in this browser started. Please sign in again."),
        Unavailable => ("The sign-in service is unavailable",
            "The sign-in service could not be reached or failed. Please try again in a moment."),
        SignOutRejected => ("Sign-out was not confirmed",
            "The sign-out request did not come from this site's sign-out button. Please use the button again."),
        Forbidden => ("Access denied",
            "You are signed in, but your account does not have permission to open that page."),
        _ => ("Sign-in failed", "Something went wrong during sign-in. Please try again."),
    };
}
