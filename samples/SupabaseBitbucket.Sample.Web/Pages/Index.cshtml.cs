using Microsoft.AspNetCore.Mvc.RazorPages;
using SupabaseBitbucket.AspNetCore;
using SupabaseBitbucket.Sample.Web.Bitbucket;

namespace SupabaseBitbucket.Sample.Web.Pages;

public sealed class IndexModel : PageModel
{
    private readonly BitbucketApiClient _bitbucket;

    public IndexModel(BitbucketApiClient bitbucket)
    {
        _bitbucket = bitbucket;
    }

    public string? AvatarUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        AvatarUrl = User.FindFirst(SupabaseClaimTypes.AvatarUrl)?.Value;
        var session = await HttpContext.GetSupabaseSessionAsync();
        if (string.IsNullOrEmpty(AvatarUrl) && session?.ProviderToken is { } providerToken)
        {
            AvatarUrl = (await _bitbucket.GetCurrentUserAsync(providerToken, cancellationToken))?.AvatarUrl;
        }
    }
}
