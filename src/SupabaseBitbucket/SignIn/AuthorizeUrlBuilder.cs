using System.Buffers;
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

    private const string RedirectParameter = "&redirect_to=";
    private const string ScopesParameter = "&scopes=";
    private const string ChallengeParameter = "&code_challenge=";

    /// <summary>The longest URL built on the stack. A longer one goes to a pooled array.</summary>
    private const int StackUrlLength = 1024;

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
        return Join(path, redirectTo, scopes, codeChallenge: default, tail: string.Empty);
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

    /// <summary>
    /// Builds the sign-in URL: <paramref name="head"/>, <c>redirect_to</c> and <c>scopes</c> when they are set, the
    /// challenge and <paramref name="tail"/>. Only the result is allocated.
    /// </summary>
    /// <exception cref="ArgumentException">The challenge is empty, which would start a sign-in without PKCE.</exception>
    public static string Build(
        string head, string? redirectTo, string? scopes, ReadOnlySpan<char> codeChallenge, string tail)
    {
        if (codeChallenge.IsEmpty)
        {
            throw new ArgumentException("A sign-in URL needs a PKCE code challenge.", nameof(codeChallenge));
        }

        return Join(head, redirectTo, scopes, codeChallenge, tail);
    }

    /// <summary>Joins the parts of a URL, leaving out those that are empty.</summary>
    private static string Join(
        string head, string? redirectTo, string? scopes, ReadOnlySpan<char> codeChallenge, string tail)
    {
        // The JavaScript client skips empty strings for these two, so an empty value sends nothing. Both are encoded
        // straight into the buffer.
        var redirect = string.IsNullOrEmpty(redirectTo) ? null : redirectTo;
        var scope = string.IsNullOrEmpty(scopes) ? null : scopes;
        var length = head.Length
            + (redirect is null ? 0 : RedirectParameter.Length + JavaScriptUriEncoding.GetUriComponentLength(redirect))
            + (scope is null ? 0 : ScopesParameter.Length + JavaScriptUriEncoding.GetUriComponentLength(scope))
            + (codeChallenge.IsEmpty ? 0 : ChallengeParameter.Length + codeChallenge.Length)
            + tail.Length;

        char[]? rented = null;
        var buffer = length <= StackUrlLength
            ? stackalloc char[StackUrlLength]
            : rented = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var written = Append(buffer, 0, head);
            if (redirect is not null)
            {
                written = Append(buffer, written, RedirectParameter);
                written += JavaScriptUriEncoding.EncodeUriComponent(redirect, buffer[written..]);
            }

            if (scope is not null)
            {
                written = Append(buffer, written, ScopesParameter);
                written += JavaScriptUriEncoding.EncodeUriComponent(scope, buffer[written..]);
            }

            if (!codeChallenge.IsEmpty)
            {
                written = Append(buffer, Append(buffer, written, ChallengeParameter), codeChallenge);
            }

            written = Append(buffer, written, tail);
            return new string(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int Append(Span<char> buffer, int position, ReadOnlySpan<char> value)
    {
        value.CopyTo(buffer[position..]);
        return position + value.Length;
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
