using System.Net.Http.Headers;
using System.Text.Json;

namespace SupabaseBitbucket.Sample.Web.Bitbucket;

/// <summary>
/// Reads the signed-in user's Bitbucket account with the provider token that Supabase handed over at sign-in.
/// Supabase leaves the avatar of Bitbucket users empty, so this is where the sample gets it.
/// </summary>
public sealed class BitbucketApiClient
{
    private readonly HttpClient _httpClient;
    private readonly ILogger<BitbucketApiClient> _logger;

    public BitbucketApiClient(HttpClient httpClient, ILogger<BitbucketApiClient> logger)
    {
        _httpClient = httpClient;
        _logger = logger;
    }

    /// <summary>Returns the account, or <see langword="null"/> when Bitbucket cannot be reached in time.</summary>
    public async Task<BitbucketAccount?> GetCurrentUserAsync(string providerToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "user");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", providerToken);
        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                SampleLog.BitbucketStatus(_logger, (int)response.StatusCode);
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return Parse(document.RootElement);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            SampleLog.BitbucketFailed(_logger, exception.GetType().Name);
            return null;
        }
    }

    private static BitbucketAccount? Parse(JsonElement user)
    {
        if (user.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new BitbucketAccount(
            Text(user, "display_name"),
            Text(user, "nickname"),
            Text(user, "uuid"),
            Text(user, "account_id"),
            Link(user, "avatar"),
            Link(user, "html"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Link(JsonElement user, string name) =>
        user.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object
        && links.TryGetProperty(name, out var link) && link.ValueKind == JsonValueKind.Object
            ? Text(link, "href")
            : null;
}
