using Microsoft.Extensions.Logging;
using SupabaseBitbucket.Emulator.Accounts;
using SupabaseBitbucket.Emulator.Auth;
using SupabaseBitbucket.Emulator.Bitbucket;
using SupabaseBitbucket.Emulator.Faults;
using SupabaseBitbucket.Emulator.State;
using SupabaseBitbucket.Emulator.Tokens;

namespace SupabaseBitbucket.Emulator.Hosting;

/// <summary>Everything the endpoints of one emulator share: settings, stores, faults and its address.</summary>
internal sealed class EmulatorRuntime
{
    /// <summary>The OAuth client id that the emulated Supabase project is registered with at Bitbucket.</summary>
    public const string BitbucketClientId = "supabase-auth-emulator";

    /// <summary>
    /// The client secret that goes with <see cref="BitbucketClientId"/>; a fixed value, because the
    /// emulated Bitbucket only ever serves this machine.
    /// </summary>
    public const string BitbucketClientSecret = "supabase-auth-emulator-secret";

    private string baseUrl = string.Empty;

    public EmulatorRuntime(EmulatorSettings settings, ILogger logger, IEnumerable<EmulatorAccount> accounts)
    {
        Settings = settings;
        Logger = logger;
        Clock = settings.TimeProvider;
        Accounts = new AccountDirectory(accounts);
        Redirects = new RedirectValidator(settings.SiteUrl, settings.AllowList);
        Codec = new AccessTokenCodec(settings.JwtSecretBytes, Clock);
        Bitbucket = new BitbucketStore(Clock);
        FlowStates = new FlowStateStore(Clock, settings.FlowStateLifetime);
    }

    public EmulatorSettings Settings { get; }

    public ILogger Logger { get; }

    public TimeProvider Clock { get; }

    public AccountDirectory Accounts { get; }

    public RedirectValidator Redirects { get; }

    public AccessTokenCodec Codec { get; }

    public BitbucketStore Bitbucket { get; }

    public FlowStateStore FlowStates { get; }

    public UserStore Users { get; } = new();

    public SessionStore Sessions { get; } = new();

    public FaultRegistry Faults { get; } = new();

    /// <summary>Gets or sets the address the server listens on, such as <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl
    {
        get => Volatile.Read(ref baseUrl);
        set => Volatile.Write(ref baseUrl, value.TrimEnd('/'));
    }

    /// <summary>Gets the base of the Supabase Auth API, which is also the <c>iss</c> of its access tokens.</summary>
    public string AuthUrl => BaseUrl + "/auth/v1";

    public string CallbackUrl => AuthUrl + "/callback";

    public string BitbucketSiteUrl => BaseUrl + "/bitbucket/site";

    public string BitbucketApiUrl => BaseUrl + "/bitbucket/2.0";
}
