namespace SupabaseBitbucket;

/// <summary>
/// A started sign-in: the URL to send the browser to and the PKCE code verifier to keep until the callback.
/// </summary>
public sealed class BitbucketSignIn
{
    private readonly string? _urlText;
    private Uri? _url;

    /// <summary>Initializes a new instance of the <see cref="BitbucketSignIn"/> class.</summary>
    /// <param name="url">The Supabase authorize URL.</param>
    /// <param name="codeVerifier">The PKCE code verifier that belongs to the URL's challenge.</param>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="codeVerifier"/> is empty.</exception>
    public BitbucketSignIn(Uri url, string codeVerifier)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(codeVerifier);
        _url = url;
        CodeVerifier = codeVerifier;
    }

    /// <summary>
    /// Initializes a sign-in from the URL text the builder made. The <see cref="Uri"/> is parsed on first use, because
    /// a redirect needs only the text.
    /// </summary>
    internal BitbucketSignIn(string url, string codeVerifier)
    {
        _urlText = url;
        CodeVerifier = codeVerifier;
    }

    /// <summary>
    /// Gets the Supabase authorize URL. Redirect with <see cref="Uri.AbsoluteUri"/>, which keeps its encoding.
    /// </summary>
    public Uri Url => _url ??= new Uri(_urlText!, AuthorizeUrlBuilder.UriOptions);

    /// <summary>
    /// Gets the PKCE code verifier. Keep it secret and pass it to the code exchange after the callback.
    /// </summary>
    public string CodeVerifier { get; }

    /// <summary>Returns the authorize URL, the same text as <see cref="Uri.AbsoluteUri"/> of <see cref="Url"/>.</summary>
    /// <returns>The authorize URL. The code verifier is left out.</returns>
    public override string ToString() => _urlText ?? Url.AbsoluteUri;
}
