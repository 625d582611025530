using System.Net;
using System.Text.RegularExpressions;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// Chooses where a sign-in ends, by the rules of Supabase Auth: the requested <c>redirect_to</c> when it is
/// allowed, else the <c>Referer</c> header when that is allowed, else the Site URL.
/// </summary>
internal sealed partial class RedirectValidator(string siteUrl, IReadOnlyList<AllowListGlob> allowList)
{
    // The hosts Supabase Auth treats as loopback when it compares ports (from its isLocalhost helper).
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "::1", "0.0.0.0", "::"];

    public string SiteUrl { get; } = siteUrl;

    public string Resolve(string? redirectTo, string? referer)
    {
        if (IsAllowed(redirectTo))
        {
            return redirectTo!;
        }

        return IsAllowed(referer) ? referer! : SiteUrl;
    }

    public bool IsAllowed(string? redirectUrl)
    {
        if (string.IsNullOrEmpty(redirectUrl))
        {
            return false;
        }

        var site = RawUrl.TryParse(SiteUrl);
        var target = RawUrl.TryParse(redirectUrl);
        if (site is null || target is null)
        {
            return false;
        }

        if (site.Hostname == target.Hostname && site.Scheme == target.Scheme
            && (site.Port == target.Port || IsLoopbackName(target.Hostname)))
        {
            return true;
        }

        if (DecimalHost().IsMatch(target.Hostname))
        {
            // A host of digits only is an IPv4 address in decimal form, which Supabase Auth never allows.
            return false;
        }

        if (TryParseIp(target.Hostname, out var address))
        {
            return IPAddress.IsLoopback(address);
        }

        if (target.Scheme is "http" or "https" && !RegularHost().IsMatch(target.Hostname))
        {
            return false;
        }

        var withoutFragment = redirectUrl.Split('#', 2)[0];
        return allowList.Any(glob => glob.IsMatch(withoutFragment));
    }

    /// <summary>Parses an IP literal as strictly as Go's <c>net.ParseIP</c>: no short IPv4 forms, no zones.</summary>
    private static bool TryParseIp(string hostname, out IPAddress address)
    {
        address = IPAddress.None;
        var isIpv6 = hostname.Contains(':', StringComparison.Ordinal)
            && !hostname.Contains('%', StringComparison.Ordinal);
        var isIpv4 = StrictIpv4().IsMatch(hostname);
        return (isIpv6 || isIpv4) && IPAddress.TryParse(hostname, out address!);
    }

    private static bool IsLoopbackName(string hostname) =>
        LoopbackNames.Contains(hostname.ToLowerInvariant(), StringComparer.Ordinal);

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$")]
    private static partial Regex StrictIpv4();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex DecimalHost();

    [GeneratedRegex("^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$")]
    private static partial Regex RegularHost();
}
