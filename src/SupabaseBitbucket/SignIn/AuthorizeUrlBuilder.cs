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

    private const string ChallengeParameter = "&code_challenge=";

    /// <summary>The method parameter, which the caller's extra parameters follow.</summary>
    public const string MethodParameter = "&code_challenge_method=" + Pkce.ChallengeMethod;

    /// <summary>Builds the authorize URL up to the provider, such as <c>https://p.supabase.co/auth/v1/authorize?provider=bitbucket</c>.</summary>
    public static string BuildPath(Uri authBaseUrl)
    {
        return authBaseUrl.AbsoluteUri.TrimEnd('/') + "/authorize?provider=" + Provider;
    }

    /// <summary>
    /// Builds the part before the challenge: the path from <see cref="BuildPath"/>, then <c>redirect_to</c> and
    /// <c>scopes</c> when they are set.
    /// </summary>
    public static string BuildHead(string path, string? redirectTo, string? scopes)
    {
        var url = new StringBuilder(path, path.Length + 128);

        // The JavaScript client skips empty strings for these two, so an empty value sends nothing.
        if (!string.IsNullOrEmpty(redirectTo))
        {
            url.Append("&redirect_to=").Append(JavaScriptUriEncoding.EncodeUriComponent(redirectTo));
        }

        if (!string.IsNullOrEmpty(scopes))
        {
            url.Append("&scopes=").Append(JavaScriptUriEncoding.EncodeUriComponent(scopes));
        }

        return url.ToString();
    }

    /// <summary>Builds the part after the challenge: the method and the caller's extra parameters.</summary>
    public static string BuildTail(IEnumerable<KeyValuePair<string, string>> queryParameters)
    {
        var url = new StringBuilder(MethodParameter);
        foreach (var (key, value) in queryParameters)
        {
            url.Append('&').Append(JavaScriptUriEncoding.EncodeFormComponent(key));
            url.Append('=').Append(JavaScriptUriEncoding.EncodeFormComponent(value ?? string.Empty));
        }

        return url.ToString();
    }

    /// <summary>
    /// Gets the options for parsing a built URL. Without them <see cref="Uri"/> rewrites escapes of unreserved
    /// characters, such as %7E to '~', so its text would differ from the built URL.
    /// </summary>
    public static UriCreationOptions UriOptions => new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>Joins the parts around the challenge into the URL, with one allocation.</summary>
    public static string Build(string head, ReadOnlySpan<char> codeChallenge, string tail)
    {
        return string.Concat(head, ChallengeParameter, codeChallenge, tail);
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
