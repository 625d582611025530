namespace SupabaseBitbucket.Sample.Console;

/// <summary>
/// Plays the browser's part for <c>--auto-consent</c>: follows the sign-in URL's redirects through the emulated
/// Supabase and Bitbucket to the loopback callback.
/// </summary>
internal static class SignInBrowser
{
    public static async Task FollowAsync(Uri signInUrl, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10 });

        // The last redirect lands on the loopback callback, whose result carries the outcome, so the final
        // response itself needs no check.
        using var response = await client.GetAsync(signInUrl, cancellationToken).ConfigureAwait(false);
    }
}
