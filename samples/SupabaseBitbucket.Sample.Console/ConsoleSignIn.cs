using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.Sample.Console.Callback;
using SupabaseBitbucket.Sample.Console.CommandLine;

namespace SupabaseBitbucket.Sample.Console;

/// <summary>
/// One sign-in from the terminal: start the PKCE flow, let the browser sign in, receive the code on a loopback
/// port, exchange it, show the user and sign out on request.
/// </summary>
internal sealed class ConsoleSignIn
{
    public const int ExitSignedIn = 0;
    public const int ExitFailed = 1;
    public const int ExitInvalidUsage = 2;

    private readonly SampleOptions options;
    private readonly TextWriter output;
    private readonly TextWriter error;

    public ConsoleSignIn(SampleOptions options, TextWriter output, TextWriter error)
    {
        this.options = options;
        this.output = output;
        this.error = error;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var configuration = SupabaseProject.Load(options);
        SupabaseAuthEmulator? emulator = null;
        if (SupabaseProject.IsConfigured(configuration))
        {
            if (options.AutoConsent is not null)
            {
                await error.WriteLineAsync(
                    "--auto-consent works only with the emulator that this sample starts when no Supabase URL is "
                    + "configured. For a separately started emulator, start it with its own --auto-consent option.")
                    .ConfigureAwait(false);
                return ExitInvalidUsage;
            }
        }
        else
        {
            try
            {
                emulator = await EmulatorFallback.StartAsync(options.AutoConsent, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return ExitInvalidUsage;
            }

            SupabaseProject.UseEmulator(configuration, emulator.Url, emulator.PublishableKey);
            await output.WriteLineAsync(
                $"No Supabase:Url is configured, so sign-in runs against the emulator at {emulator.Url} "
                + $"(accounts: {EmulatorFallback.DescribeAccounts(emulator)}).").ConfigureAwait(false);
        }

        await using (emulator)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSupabaseBitbucket(configuration.GetSection(SupabaseProject.SectionName));
            await using var provider = services.BuildServiceProvider();
            try
            {
                return await SignInAsync(provider.GetRequiredService<ISignInService>(), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OptionsValidationException exception)
            {
                await error.WriteLineAsync($"The Supabase settings are invalid: {exception.Message}").ConfigureAwait(false);
                return ExitInvalidUsage;
            }
        }
    }

    private async Task<int> SignInAsync(ISignInService signIn, CancellationToken cancellationToken)
    {
        using var listener = LoopbackCallbackListener.Start();
        var started = signIn.SignInWithBitbucket(new BitbucketSignInOptions { RedirectTo = listener.CallbackUrl.AbsoluteUri });
        await output.WriteLineAsync("Open this URL in a browser to sign in with Bitbucket:").ConfigureAwait(false);
        await output.WriteLineAsync("  " + started.Url.AbsoluteUri).ConfigureAwait(false);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CallbackTimeout);
        var callback = listener.WaitForCallbackAsync(timeout.Token);
        if (options.AutoConsent is not null)
        {
            // The emulator grants access without a page, so an HTTP client can play the browser's part.
            await SignInBrowser.FollowAsync(started.Url, timeout.Token).ConfigureAwait(false);
        }
        else if (!options.NoBrowser && BrowserLauncher.TryOpen(started.Url))
        {
            await output.WriteLineAsync("Opened the browser. Waiting for it to return...").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync("Waiting for the browser to return...").ConfigureAwait(false);
        }

        CallbackResult result;
        try
        {
            result = await callback.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(
                $"Sign-in timed out: the browser did not return within {options.CallbackTimeout.TotalSeconds} seconds.")
                .ConfigureAwait(false);
            return ExitFailed;
        }

        if (!result.Succeeded)
        {
            await WriteFailureAsync(result).ConfigureAwait(false);
            return ExitFailed;
        }

        return await CompleteAsync(signIn, result.Code!, started.CodeVerifier, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteFailureAsync(CallbackResult result)
    {
        if (result.ExplainError() is { } explanation)
        {
            await error.WriteLineAsync(explanation).ConfigureAwait(false);
            await error.WriteLineAsync("  Details: " + result.DescribeError()).ConfigureAwait(false);
            return;
        }

        await error.WriteLineAsync("Sign-in failed: " + result.DescribeError()).ConfigureAwait(false);
    }

    private async Task<int> CompleteAsync(
        ISignInService signIn, string code, string codeVerifier, CancellationToken cancellationToken)
    {
        Session session;
        try
        {
            session = await signIn.ExchangeCodeAsync(code, codeVerifier, cancellationToken).ConfigureAwait(false);
        }
        catch (SupabaseAuthException exception)
        {
            await error.WriteLineAsync($"The code exchange failed: {exception.Message}").ConfigureAwait(false);
            return ExitFailed;
        }

        UserReport.Write(output, session, DateTimeOffset.UtcNow);
        if (!await ShouldSignOutAsync().ConfigureAwait(false))
        {
            await output.WriteLineAsync(
                "The session stays active at Supabase until it expires; pass --sign-out to end it.").ConfigureAwait(false);
            return ExitSignedIn;
        }

        try
        {
            await signIn.SignOutAsync(session.AccessToken, SignOutScope.Local, cancellationToken).ConfigureAwait(false);
        }
        catch (SupabaseAuthException exception)
        {
            await error.WriteLineAsync($"Sign-out failed: {exception.Message}").ConfigureAwait(false);
            return ExitFailed;
        }

        await output.WriteLineAsync("Signed out.").ConfigureAwait(false);
        return ExitSignedIn;
    }

    private async Task<bool> ShouldSignOutAsync()
    {
        if (options.SignOut)
        {
            return true;
        }

        if (System.Console.IsInputRedirected)
        {
            return false;
        }

        await output.WriteAsync("Sign out now? [y/N] ").ConfigureAwait(false);
        var answer = System.Console.ReadLine();
        return answer is not null && answer.Trim().StartsWith('y');
    }
}
