using System.Net.Http.Headers;

namespace SupabaseBitbucket;

/// <summary>
/// Builds requests to Supabase Auth with the headers that @supabase/auth-js 2.119.0 sends.
/// </summary>
internal static class AuthRequestFactory
{
    /// <summary>The API version that selects the <c>{"code","message"}</c> error body.</summary>
    public const string ApiVersion = "2024-01-01";

    public const string ApiVersionHeader = "X-Supabase-Api-Version";

    /// <summary>
    /// Creates a request with the API key, the bearer token and, for a non-GET request, a JSON body.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The absolute URL.</param>
    /// <param name="apiKey">The project's publishable or anon key.</param>
    /// <param name="bearerToken">The user's access token, or the API key for calls on behalf of no user.</param>
    /// <param name="jsonBody">The UTF-8 JSON body, or <see langword="null"/> for none.</param>
    public static HttpRequestMessage Create(
        HttpMethod method, Uri url, string apiKey, string bearerToken, byte[]? jsonBody)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("apikey", apiKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        request.Headers.TryAddWithoutValidation(ApiVersionHeader, ApiVersion);
        request.Headers.TryAddWithoutValidation("X-Client-Info", ClientInfo.Value);

        // The JavaScript client sets the JSON content type on every non-GET request, even a POST without a body
        // such as the sign-out, which then goes out with Content-Length: 0.
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(jsonBody ?? []);
            request.Content.Headers.ContentType = new JsonUtf8MediaType();
        }

        return request;
    }
}
