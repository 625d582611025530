namespace SupabaseBitbucket;

/// <summary>
/// Per-call settings for <see cref="ISignInService.SignInWithBitbucket(BitbucketSignInOptions?)"/>.
/// </summary>
public sealed class BitbucketSignInOptions
{
    /// <summary>
    /// Gets or sets the absolute URL that Supabase sends the browser back to with the code.
    /// </summary>
    /// <value>
    /// An absolute http or https URL, or <see langword="null"/> to use
    /// <see cref="SupabaseBitbucketOptions.RedirectTo"/>. Supabase accepts it only when it is on the
    /// project's redirect allow-list and falls back to the Site URL otherwise.
    /// </value>
    public string? RedirectTo { get; set; }

    /// <summary>
    /// Gets or sets the space-separated OAuth scopes to request.
    /// </summary>
    /// <value>
    /// <see langword="null"/> by default. Supabase always asks Bitbucket for <c>account email</c>,
    /// whatever this says.
    /// </value>
    public string? Scopes { get; set; }

    /// <summary>
    /// Gets or sets extra query parameters appended to the authorize URL, in order.
    /// </summary>
    /// <value>
    /// Empty by default. Keys that the flow itself sets (<c>state</c>, <c>provider</c>, <c>redirect_to</c>,
    /// <c>scopes</c>, <c>code_challenge</c>, <c>code_challenge_method</c>, <c>client_id</c>,
    /// <c>response_type</c>, <c>redirect_uri</c>) are rejected.
    /// </value>
    public IDictionary<string, string> QueryParameters { get; set; } = new Dictionary<string, string>();
}
