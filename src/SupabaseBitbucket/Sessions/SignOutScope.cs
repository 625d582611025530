namespace SupabaseBitbucket;

/// <summary>
/// The sessions that a sign-out ends.
/// </summary>
public enum SignOutScope
{
    /// <summary>Every session of the user, on every device.</summary>
    Global,

    /// <summary>Only the session that the access token belongs to.</summary>
    Local,

    /// <summary>Every session of the user except the one that the access token belongs to.</summary>
    Others,
}
