using System.Security.Cryptography;
using System.Text;
using SupabaseBitbucket.Emulator.Auth;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Hosting;

/// <summary>
/// The checked, fixed settings of a running emulator, made from <see cref="SupabaseAuthEmulatorOptions"/>.
/// </summary>
internal sealed class EmulatorSettings
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Enough for the default accounts and small custom sets, short enough that an error stays one readable line.
    private const int MaxListedUsernames = 10;

    private EmulatorSettings(SupabaseAuthEmulatorOptions options, IReadOnlyList<AllowListGlob> allowList)
    {
        Port = options.Port;
        SiteUrl = options.SiteUrl ?? SupabaseAuthEmulatorOptions.DefaultSiteUrl;
        AllowList = allowList;
        JwtSecret = options.JwtSecret ?? RandomNumberGenerator.GetHexString(64, lowercase: true);
        PublishableKey = options.PublishableKey ?? "sb_publishable_" + RandomNumberGenerator.GetString(KeyAlphabet, 22)
            + "_" + RandomNumberGenerator.GetString(KeyAlphabet, 8);
        FlowStateLifetime = options.FlowStateLifetime;
        AccessTokenLifetime = options.AccessTokenLifetime;
        RefreshTokenReuseInterval = options.RefreshTokenReuseInterval;
        TimeProvider = options.TimeProvider;
        AutoConsent = options.AutoConsent;
        AppName = options.AppName;
    }

    public int Port { get; }

    public string SiteUrl { get; }

    public IReadOnlyList<AllowListGlob> AllowList { get; }

    public string JwtSecret { get; }

    public byte[] JwtSecretBytes => Encoding.UTF8.GetBytes(JwtSecret);

    public string PublishableKey { get; }

    public TimeSpan FlowStateLifetime { get; }

    public TimeSpan AccessTokenLifetime { get; }

    public TimeSpan RefreshTokenReuseInterval { get; }

    public TimeProvider TimeProvider { get; }

    public string? AutoConsent { get; }

    public string AppName { get; }

    /// <summary>Checks the options and reports every problem in one exception; secrets are never shown.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid.</exception>
    public static EmulatorSettings Create(SupabaseAuthEmulatorOptions options)
    {
        var problems = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            problems.Add($"Port is {options.Port}: use 0 (any free port) to 65535.");
        }

        if (options.SiteUrl is { } site && RawUrl.TryParse(site) is not { Hostname.Length: > 0 })
        {
            problems.Add($"SiteUrl '{site}' is not an absolute URL such as http://127.0.0.1:3000.");
        }

        if (options.JwtSecret is { Length: < 32 })
        {
            problems.Add($"JwtSecret has {options.JwtSecret.Length} characters: use at least 32.");
        }

        if (options.PublishableKey is { } key && string.IsNullOrWhiteSpace(key))
        {
            problems.Add("PublishableKey is blank: set a key such as sb_publishable_..., or null for a random one.");
        }

        CheckPositive(problems, nameof(options.FlowStateLifetime), options.FlowStateLifetime);
        CheckPositive(problems, nameof(options.AccessTokenLifetime), options.AccessTokenLifetime);
        if (options.RefreshTokenReuseInterval < TimeSpan.Zero)
        {
            problems.Add($"RefreshTokenReuseInterval is {options.RefreshTokenReuseInterval}: use zero or more.");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider is null: use TimeProvider.System or a fake clock.");
        }

        if (string.IsNullOrWhiteSpace(options.AppName))
        {
            problems.Add("AppName is blank: set the name the consent page shows.");
        }

        CheckAutoConsent(problems, options);
        var allowList = CompileAllowList(problems, options.RedirectAllowList);
        if (problems.Count > 0)
        {
            // No parameter name: the message already names each setting, and the command line prints it as is.
            throw new ArgumentException("The emulator options are invalid: " + string.Join(" ", problems));
        }

        return new EmulatorSettings(options, allowList);
    }

    private static void CheckPositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} is {value}: use a positive duration.");
        }
    }

    private static void CheckAutoConsent(List<string> problems, SupabaseAuthEmulatorOptions options)
    {
        var choice = options.AutoConsent;
        if (choice is null)
        {
            return;
        }

        var isFirst = string.Equals(choice, "first", StringComparison.OrdinalIgnoreCase);
        var known = options.Accounts.Any(a => string.Equals(a.Username, choice, StringComparison.OrdinalIgnoreCase));
        if (options.Accounts.Count == 0)
        {
            problems.Add($"AutoConsent '{choice}' names no account: Accounts is empty, so add an account first.");
        }
        else if (!isFirst && !known)
        {
            problems.Add($"AutoConsent '{choice}' names no account: use 'first' or one of the account usernames "
                + $"({ListUsernames(options.Accounts)}).");
        }
    }

    /// <summary>Lists the first <see cref="MaxListedUsernames"/> usernames, and how many more there are.</summary>
    private static string ListUsernames(IList<EmulatorAccount> accounts)
    {
        var listed = string.Join(", ", accounts.Take(MaxListedUsernames).Select(a => a.Username));
        var more = accounts.Count - MaxListedUsernames;
        return more > 0 ? $"{listed} and {more} more" : listed;
    }

    private static List<AllowListGlob> CompileAllowList(List<string> problems, IEnumerable<string> patterns)
    {
        var globs = new List<AllowListGlob>();
        foreach (var pattern in patterns)
        {
            try
            {
                globs.Add(new AllowListGlob(pattern));
            }
            catch (ArgumentException exception)
            {
                problems.Add(exception.Message);
            }
        }

        return globs;
    }
}
