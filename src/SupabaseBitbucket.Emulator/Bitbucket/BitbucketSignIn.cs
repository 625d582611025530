using SupabaseBitbucket.Emulator.Faults;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.State;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>
/// The Bitbucket half of <c>/auth/v1/callback</c>, run in process: it redeems the Bitbucket code, reads the
/// profile and the first page of emails, and maps them as Supabase Auth does. Faults injected for the
/// Bitbucket endpoints apply here too, since the real server meets them on these calls.
/// </summary>
internal sealed class BitbucketSignIn(EmulatorRuntime runtime)
{
    public async Task<BitbucketSignInResult> RunAsync(string code, CancellationToken cancellationToken)
    {
        var tokens = await PassesFaultAsync(EmulatorEndpoint.BitbucketToken, cancellationToken).ConfigureAwait(false)
            ? runtime.Bitbucket.RedeemCode(code)
            : null;
        if (tokens is null)
        {
            // Supabase Auth shows the first four characters of the code that failed.
            var prefix = code[..Math.Min(4, code.Length)];
            return BitbucketSignInResult.Failed("Unable to exchange external code: " + prefix);
        }

        var username = runtime.Bitbucket.FindUsername(tokens.AccessToken);
        var account = username is null ? null : runtime.Accounts.Find(username);
        var userRead = await PassesFaultAsync(EmulatorEndpoint.BitbucketUser, cancellationToken).ConfigureAwait(false);
        var profileRead = userRead
            && await PassesFaultAsync(EmulatorEndpoint.BitbucketEmails, cancellationToken).ConfigureAwait(false);
        if (account is null || !profileRead)
        {
            return BitbucketSignInResult.Failed("Error getting user profile from external provider");
        }

        // Supabase Auth reads one page of emails and keeps every non-empty address on it.
        var emails = account.Emails.Take(BitbucketJson.DefaultPageLength).Where(e => e.Email.Length > 0).ToList();
        if (emails.Count == 0)
        {
            return BitbucketSignInResult.Failed("Error getting user email from external provider");
        }

        var chosen = emails.FirstOrDefault(e => e.IsPrimary) ?? emails[^1];
        var identity = new IdentityData(
            chosen.Email.ToLowerInvariant(), chosen.IsConfirmed, account.DisplayName, account.Uuid);
        return new BitbucketSignInResult(account.Username, identity, tokens, null);
    }

    private async Task<bool> PassesFaultAsync(EmulatorEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (runtime.Faults.TryTake(endpoint) is not { } fault)
        {
            return true;
        }

        Log.FaultInjected(runtime.Logger, endpoint, fault);
        if (fault.Kind != EmulatorFaultKind.Delay)
        {
            return false;
        }

        await Task.Delay(fault.Duration, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
