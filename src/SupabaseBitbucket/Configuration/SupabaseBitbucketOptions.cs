namespace SupabaseBitbucket;

/// <summary>
/// Settings that connect the library to one Supabase project.
/// </summary>
/// <remarks>
/// Bound from a configuration section with the keys <c>Url</c>, <c>PublishableKey</c>,
/// <c>RedirectTo</c> and <c>HttpTimeout</c>. Validated when the host starts.
/// </remarks>
public sealed class SupabaseBitbucketOptions
{
    /// <summary>The default for <see cref="HttpTimeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultHttpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the Supabase project URL, such as <c>https://abcdefghijklmnop.supabase.co</c>.
    /// </summary>
    /// <value>An absolute https URL without a path; plain http is accepted for loopback hosts only.</value>
    public string? Url { get; set; }

    /// <summary>
    /// Gets or sets the project's publishable key (<c>sb_publishable_...</c>) or legacy anon key.
    /// </summary>
    /// <value>A key that is safe to ship to clients. Secret and service_role keys are rejected.</value>
    public string? PublishableKey { get; set; }

    /// <summary>
    /// Gets or sets the default absolute URL that Supabase sends the browser back to after sign-in.
    /// </summary>
    /// <value>An absolute http or https URL, or <see langword="null"/> to let Supabase use its Site URL.</value>
    public string? RedirectTo { get; set; }

    /// <summary>
    /// Gets or sets how long one request to Supabase Auth may take before it fails as timed out.
    /// </summary>
    /// <value>10 seconds by default; must be positive and at most 5 minutes.</value>
    public TimeSpan HttpTimeout { get; set; } = DefaultHttpTimeout;

    /// <summary>
    /// The configuration path the options were bound from, used to name settings in error messages.
    /// </summary>
    internal string? ConfigurationPath { get; set; }
}
