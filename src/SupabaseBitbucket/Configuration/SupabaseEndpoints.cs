namespace SupabaseBitbucket;

/// <summary>
/// The Supabase Auth URLs of one options value, built once and shared by every call until <c>IOptionsMonitor</c>
/// hands out a new value or the URL settings of the current one are changed in place.
/// </summary>
internal sealed class SupabaseEndpoints
{
    private readonly Uri _logoutGlobal;
    private readonly Uri _logoutLocal;
    private readonly Uri _logoutOthers;
    private readonly string _url;
    private readonly string? _redirectTo;

    private SupabaseEndpoints(SupabaseBitbucketOptions options)
    {
        var url = options.Url ?? throw new InvalidOperationException(
            "SupabaseBitbucketOptions.Url is not set. Configure the Supabase project URL.");
        Options = options;
        _url = options.Url;
        _redirectTo = options.RedirectTo;
        AuthBaseUrl = new Uri(url.TrimEnd('/') + "/auth/v1/", UriKind.Absolute);
        AuthorizePath = AuthorizeUrlBuilder.BuildPath(AuthBaseUrl);
        AuthorizeHead = AuthorizeUrlBuilder.BuildHead(AuthorizePath, options.RedirectTo, scopes: null);
        PkceToken = new Uri(AuthBaseUrl, "token?grant_type=pkce");
        RefreshToken = new Uri(AuthBaseUrl, "token?grant_type=refresh_token");
        User = new Uri(AuthBaseUrl, "user");
        _logoutGlobal = new Uri(AuthBaseUrl, "logout?scope=global");
        _logoutLocal = new Uri(AuthBaseUrl, "logout?scope=local");
        _logoutOthers = new Uri(AuthBaseUrl, "logout?scope=others");
    }

    /// <summary>The options these URLs were built from.</summary>
    public SupabaseBitbucketOptions Options { get; }

    /// <summary>The base of the Auth API, such as <c>https://project.supabase.co/auth/v1/</c>.</summary>
    public Uri AuthBaseUrl { get; }

    /// <summary>The authorize URL up to the provider parameter.</summary>
    public string AuthorizePath { get; }

    /// <summary>The authorize URL up to the challenge, with the configured <c>redirect_to</c>.</summary>
    public string AuthorizeHead { get; }

    public Uri PkceToken { get; }

    public Uri RefreshToken { get; }

    public Uri User { get; }

    /// <summary>
    /// Returns the endpoints of <paramref name="options"/>: <paramref name="cached"/> when it was built from the
    /// same instance with the same URL settings, otherwise new ones. <c>IOptionsMonitor</c> hands out one instance
    /// until the options reload, and the string checks catch code that changes that instance in place.
    /// </summary>
    public static SupabaseEndpoints For(SupabaseBitbucketOptions options, SupabaseEndpoints? cached)
    {
        return cached is not null
            && ReferenceEquals(cached.Options, options)
            && string.Equals(cached._url, options.Url, StringComparison.Ordinal)
            && string.Equals(cached._redirectTo, options.RedirectTo, StringComparison.Ordinal)
                ? cached
                : new SupabaseEndpoints(options);
    }

    public Uri Logout(SignOutScope scope) => scope switch
    {
        SignOutScope.Global => _logoutGlobal,
        SignOutScope.Local => _logoutLocal,
        SignOutScope.Others => _logoutOthers,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Use Global, Local or Others."),
    };
}
