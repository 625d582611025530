namespace SupabaseBitbucket.Sample.Console.CommandLine;

/// <summary>
/// Settings of one run of the console sign-in, from the command line.
/// </summary>
internal sealed class SampleOptions
{
    /// <summary>The default for <see cref="CallbackTimeout"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultCallbackTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the Supabase project URL; <see langword="null"/> reads <c>Supabase:Url</c>.</summary>
    public string? SupabaseUrl { get; set; }

    /// <summary>Gets or sets the publishable key; <see langword="null"/> reads <c>Supabase:PublishableKey</c>.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>
    /// Gets or sets the emulator account to sign in as without a consent page or a browser, or
    /// <see langword="null"/> for an interactive sign-in. Only for the emulator the sample starts itself.
    /// </summary>
    public string? AutoConsent { get; set; }

    /// <summary>Gets or sets whether the sample leaves the browser closed and only prints the sign-in URL.</summary>
    public bool NoBrowser { get; set; }

    /// <summary>Gets or sets whether the sample signs out right after sign-in instead of asking.</summary>
    public bool SignOut { get; set; }

    /// <summary>Gets or sets how long the sample waits for the browser to come back with the code.</summary>
    public TimeSpan CallbackTimeout { get; set; } = DefaultCallbackTimeout;
}
