using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupabaseBitbucket.Emulator.Hosting;

namespace SupabaseBitbucket.Emulator;

/// <summary>
/// A local stand-in, on 127.0.0.1, for a Supabase project with the Bitbucket provider enabled and for
/// Bitbucket itself. It serves Supabase Auth's wire protocol under <c>/auth/v1</c> and Bitbucket's OAuth
/// pages and REST API under <c>/bitbucket</c>, and keeps all state in memory.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await SupabaseAuthEmulator.StartAsync();
/// var authBase = new Uri(emulator.Url, "auth/v1/");
/// </code>
/// </example>
public sealed class SupabaseAuthEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorRuntime runtime;
    private int stopped;

    private SupabaseAuthEmulator(WebApplication app, EmulatorRuntime runtime)
    {
        this.app = app;
        this.runtime = runtime;
        Url = new Uri(runtime.BaseUrl);
        BitbucketApiUrl = new Uri(runtime.BitbucketApiUrl);
    }

    /// <summary>
    /// Gets the project URL, such as <c>http://127.0.0.1:54321/</c>; Supabase Auth is under <c>auth/v1</c>.
    /// </summary>
    /// <remarks>
    /// As for every <see cref="Uri"/> without a path, <see cref="Uri.ToString"/> ends in <c>/</c>. Combine it with
    /// <c>new Uri(Url, "auth/v1/token")</c>, or take <c>Url.GetLeftPart(UriPartial.Authority)</c> for the form
    /// without the slash.
    /// </remarks>
    public Uri Url { get; }

    /// <summary>
    /// Gets the emulated Bitbucket REST API base, the counterpart of <c>https://api.bitbucket.org/2.0</c>;
    /// append <c>/user</c> or <c>/user/emails</c> to its text.
    /// </summary>
    public Uri BitbucketApiUrl { get; }

    /// <summary>Gets the key that Supabase Auth requests carry in their <c>apikey</c> header.</summary>
    public string PublishableKey => runtime.Settings.PublishableKey;

    /// <summary>Gets the HS256 secret that signs access tokens, for verifying them in tests.</summary>
    public string JwtSecret => runtime.Settings.JwtSecret;

    /// <summary>Gets the Bitbucket accounts on offer, in consent-page order.</summary>
    public IReadOnlyList<EmulatorAccount> Accounts => runtime.Accounts.Snapshot();

    /// <summary>
    /// Gets the ids of the sessions that have not been signed out, as <c>session_id</c> claims show them.
    /// </summary>
    public IReadOnlyList<string> ActiveSessionIds =>
        [.. runtime.Sessions.ActiveSessionIds().Select(id => id.ToString())];

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<SupabaseAuthEmulator> StartAsync(
        SupabaseAuthEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SupabaseAuthEmulatorOptions();
        var settings = EmulatorSettings.Create(options);
        var app = EmulatorHost.Build(settings, options.ConfigureLogging);
        try
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SupabaseBitbucket.Emulator");
            var runtime = new EmulatorRuntime(settings, logger, options.Accounts);
            var logging = new RequestLogging(runtime, new RequestRouter(runtime));
            app.Run(logging.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            runtime.BaseUrl = EmulatorHost.ListeningAddress(app);
            var emulator = new SupabaseAuthEmulator(app, runtime);
            Log.EmulatorStarted(logger, emulator.Url);
            return emulator;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Adds a Bitbucket account while the emulator runs, for example one per simulated user.</summary>
    /// <param name="account">The account; its username must be new.</param>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentException">An account with the same username exists.</exception>
    public void AddAccount(EmulatorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        runtime.Accounts.Add(account);
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests to an endpoint fail with <paramref name="fault"/>.
    /// Faults for one endpoint are served in the order they were injected. Safe to call from any thread.
    /// </summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="fault">The failure, such as <see cref="EmulatorFault.Html"/>(502).</param>
    /// <param name="count">How many requests fail, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public void InjectFault(EmulatorEndpoint endpoint, EmulatorFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Enum.IsDefined(endpoint))
        {
            throw new ArgumentOutOfRangeException(
                nameof(endpoint), endpoint, "The endpoint is not an EmulatorEndpoint value.");
        }

        runtime.Faults.Add(endpoint, fault, count);
    }

    /// <summary>Returns how many requests to an endpoint will still fail with an injected fault.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The number of faults left.</returns>
    public int PendingFaultCount(EmulatorEndpoint endpoint) => runtime.Faults.Count(endpoint);

    /// <summary>Removes every fault that has not been served yet.</summary>
    public void ClearFaults() => runtime.Faults.Clear();

    /// <summary>
    /// Returns whether a refresh token would be accepted as the current token of a live session: issued here,
    /// not rotated or revoked, and its session not signed out.
    /// </summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <returns><see langword="true"/> when the token is current.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refreshToken"/> is null.</exception>
    public bool IsRefreshTokenActive(string refreshToken)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        return runtime.Sessions.IsRefreshTokenUsable(refreshToken);
    }

    /// <summary>Stops the server; requests in flight get up to five seconds to finish.</summary>
    /// <param name="cancellationToken">Ends the wait for requests in flight.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        Log.EmulatorStopped(runtime.Logger, Url);
    }

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when the server is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
