using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket.Emulator;

/// <summary>
/// Settings of a <see cref="SupabaseAuthEmulator"/>. The defaults follow a project made by
/// <c>supabase init</c> with the Bitbucket provider enabled.
/// </summary>
public sealed class SupabaseAuthEmulatorOptions
{
    /// <summary>The Site URL of a project made by <c>supabase init</c>.</summary>
    public const string DefaultSiteUrl = "http://127.0.0.1:3000";

    /// <summary>Gets or sets the TCP port on 127.0.0.1.</summary>
    /// <value>0, which lets the operating system pick a free port.</value>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the Site URL: the redirect target of last resort, and the base of the redirect rule
    /// "same scheme, host and port" (any port for a loopback host).
    /// </summary>
    /// <value><see langword="null"/>, which means <see cref="DefaultSiteUrl"/>.</value>
    public string? SiteUrl { get; set; }

    /// <summary>
    /// Gets the redirect allow-list: URL globs where <c>*</c> matches within one host label or path
    /// segment, <c>**</c> matches anything and <c>?</c> matches one character, such as
    /// <c>http://localhost:*/**</c>.
    /// </summary>
    /// <value>Empty.</value>
    public IList<string> RedirectAllowList { get; } = new List<string>();

    /// <summary>Gets the Bitbucket accounts on offer.</summary>
    /// <value>The accounts of <see cref="EmulatorAccount.CreateDefaults"/>.</value>
    public IList<EmulatorAccount> Accounts { get; } = new List<EmulatorAccount>(EmulatorAccount.CreateDefaults());

    /// <summary>Gets or sets the HS256 secret that signs access tokens; at least 32 characters.</summary>
    /// <value><see langword="null"/>, which means a random secret for each emulator.</value>
    public string? JwtSecret { get; set; }

    /// <summary>Gets or sets the API key that every Supabase Auth request except the browser ones carries.</summary>
    /// <value><see langword="null"/>, which means a random <c>sb_publishable_...</c> key.</value>
    public string? PublishableKey { get; set; }

    /// <summary>Gets or sets how long a sign-in may take from <c>/authorize</c> to the code exchange.</summary>
    /// <value>300 seconds, as on Supabase.</value>
    public TimeSpan FlowStateLifetime { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Gets or sets the lifetime of an access token (<c>expires_in</c>).</summary>
    /// <value>3600 seconds.</value>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>
    /// Gets or sets how long after its rotation a refresh token may still be used once more.
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan RefreshTokenReuseInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the clock of every expiry the emulator checks.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the account that the emulated Bitbucket grants access as without showing its consent
    /// page: a username, or <c>first</c> for the first account.
    /// </summary>
    /// <value><see langword="null"/>, which shows the consent page.</value>
    public string? AutoConsent { get; set; }

    /// <summary>Gets or sets the application name that the consent page shows.</summary>
    /// <value><c>Supabase (local emulator)</c>.</value>
    public string AppName { get; set; } = "Supabase (local emulator)";

    /// <summary>Gets or sets a callback that adds logging providers, such as a console logger.</summary>
    /// <value><see langword="null"/>, which means no logging.</value>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
