using Microsoft.AspNetCore.Mvc.RazorPages;
using SupabaseBitbucket.Sample.Web.Bitbucket;

namespace SupabaseBitbucket.Sample.Web.Pages;

public sealed class ProfileModel : PageModel
{
    private readonly BitbucketApiClient _bitbucket;

    public ProfileModel(BitbucketApiClient bitbucket)
    {
        _bitbucket = bitbucket;
    }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public BitbucketAccount? Account { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var session = await HttpContext.GetSupabaseSessionAsync();
        ExpiresAt = session?.ExpiresAt;
        if (session?.ProviderToken is { } providerToken)
        {
            Account = await _bitbucket.GetCurrentUserAsync(providerToken, cancellationToken);
        }
    }
}
