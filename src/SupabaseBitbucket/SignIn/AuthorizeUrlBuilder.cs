using System.Text;

namespace SupabaseBitbucket;

/// <summary>
/// Builds the Supabase <c>/auth/v1/authorize</c> URL for Bitbucket with a PKCE challenge.
/// </summary>
/// <remarks>
/// Parameter order and encoding follow @supabase/auth-js 2.119.0: provider, redirect_to and scopes
/// as <c>encodeURIComponent</c>, then the challenge and method, then the caller's extra parameters
/// form-encoded.
/// </remarks>
internal static class AuthorizeUrlBuilder
{
    public const string Provider = "bitbucket";

    private static readonly HashSet<string> ReservedParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "state",
        "provider",
        "redirect_to",
        "scopes",
        "code_challenge",
        "code_challenge_method",
        "client_id",
        "response_type",
        "redirect_uri",
    };

    public static Uri Build(Uri authBaseUrl, string? redirectTo, string? scopes, string codeChallenge,
        IEnumerable<KeyValuePair<string, string>> queryParameters)
    {
        var url = new StringBuilder(authBaseUrl.AbsoluteUri.TrimEnd('/'));
        url.Append("/authorize?provider=").Append(Provider);

        // The JavaScript client skips empty strings for these two, so an empty value sends nothing.
        if (!string.IsNullOrEmpty(redirectTo))
        {
            url.Append("&redirect_to=").Append(JavaScriptUriEncoding.EncodeUriComponent(redirectTo));
        }

        if (!string.IsNullOrEmpty(scopes))
        {
            url.Append("&scopes=").Append(JavaScriptUriEncoding.EncodeUriComponent(scopes));
        }

        url.Append("&code_challenge=").Append(codeChallenge);
        url.Append("&code_challenge_method=").Append(Pkce.ChallengeMethod);

        foreach (var (key, value) in queryParameters)
        {
            url.Append('&').Append(JavaScriptUriEncoding.EncodeFormComponent(key));
            url.Append('=').Append(JavaScriptUriEncoding.EncodeFormComponent(value ?? string.Empty));
        }

        // Without this option System.Uri rewrites escapes of unreserved characters, such as %7E to '~', so the URL
        // would no longer be the one built above.
        return new Uri(url.ToString(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>Throws when an extra parameter would override or break the flow's own parameters.</summary>
    public static void ValidateQueryParameters(IDictionary<string, string> queryParameters)
    {
        foreach (var key in queryParameters.Keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException(
                    "A query parameter has an empty name. Remove it from QueryParameters.",
                    nameof(queryParameters));
            }

            if (ReservedParameters.Contains(key))
            {
                throw new ArgumentException(
                    $"The query parameter '{key}' is set by the sign-in flow itself and cannot be passed in "
                    + "QueryParameters; a client 'state', for example, makes Supabase fail the callback with "
                    + "bad_oauth_state. Remove it.",
                    nameof(queryParameters));
            }
        }
    }
}
