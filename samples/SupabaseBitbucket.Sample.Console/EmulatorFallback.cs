using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.Sample.Console;

/// <summary>
/// Starts the emulator in this process when no Supabase project is configured, so the sample signs in offline.
/// The emulator also runs in the native AOT build of the sample.
/// </summary>
internal static class EmulatorFallback
{
    /// <summary>Starts an emulator on a free 127.0.0.1 port.</summary>
    /// <param name="autoConsent">The account to grant access as without the consent page, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="autoConsent"/> names no emulator account.</exception>
    public static Task<SupabaseAuthEmulator> StartAsync(string? autoConsent, CancellationToken cancellationToken)
    {
        // The callback URL is a loopback IP address, which Supabase accepts without a redirect allow-list entry.
        var options = new SupabaseAuthEmulatorOptions
        {
            AppName = "SupabaseBitbucket console sample",
            AutoConsent = autoConsent,
        };
        return SupabaseAuthEmulator.StartAsync(options, cancellationToken);
    }

    /// <summary>Lists the emulator's accounts for the user to pick on the consent page.</summary>
    public static string DescribeAccounts(SupabaseAuthEmulator emulator) =>
        string.Join(", ", emulator.Accounts.Select(account => account.Username));
}
