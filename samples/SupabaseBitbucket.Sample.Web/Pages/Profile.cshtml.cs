using Microsoft.AspNetCore.Mvc.RazorPages;
using SupabaseBitbucket.Sample.Web.Bitbucket;

namespace SupabaseBitbucket.Sample.Web.Pages;

public sealed class ProfileModel : PageModel
{
    private readonly ISignInService _signIn;
    private readonly BitbucketApiClient _bitbucket;

    public ProfileModel(ISignInService signIn, BitbucketApiClient bitbucket)
    {
        _signIn = signIn;
        _bitbucket = bitbucket;
    }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>The user as Supabase returns it now, or <see langword="null"/> when Supabase could not be asked.</summary>
    public SupabaseUser? SupabaseUser { get; private set; }

    public BitbucketAccount? Account { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var session = await HttpContext.GetSupabaseSessionAsync();
        if (session is null)
        {
            return;
        }

        ExpiresAt = session.ExpiresAt;
        try
        {
            SupabaseUser = await _signIn.GetUserAsync(session.AccessToken, cancellationToken);
        }
        catch (SupabaseAuthException)
        {
            // The page still shows the details stored at sign-in, and a note explains that Supabase did not answer.
        }

        if (session.ProviderToken is { } providerToken)
        {
            Account = await _bitbucket.GetCurrentUserAsync(providerToken, cancellationToken);
        }
    }
}
