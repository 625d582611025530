using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Writes and reads the per-sign-in flow cookies: data-protected, HttpOnly, SameSite=Lax, one per flow so
/// that sign-ins started in several tabs of one browser all complete.
/// </summary>
internal sealed class FlowCookies
{
    private const string Purpose = "SupabaseBitbucket.AspNetCore.Flow.v1";
    private const string PayloadVersion = "2";
    private const int FlowIdBytes = 16;

    /// <summary>
    /// How many flow cookies of one request are read at most, so that a request stuffed with cookies costs little.
    /// </summary>
    private const int MaxScannedFlowCookies = 32;

    private readonly IDataProtector _protector;
    private readonly IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> _options;
    private readonly TimeProvider _timeProvider;

    public FlowCookies(
        IDataProtectionProvider dataProtection,
        IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> options,
        TimeProvider timeProvider)
    {
        _protector = dataProtection.CreateProtector(Purpose);
        _options = options;
        _timeProvider = timeProvider;
    }

    public static string NewFlowId()
    {
        Span<byte> bytes = stackalloc byte[FlowIdBytes];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Flow ids are 22 base64url characters; anything else never names a cookie.</summary>
    public static bool IsValidFlowId([NotNullWhen(true)] string? id)
    {
        return id is { Length: 22 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    public void Write(HttpContext context, FlowState flow, string cookiePath)
    {
        // The flow id is inside the protected payload, so a cookie value only counts under the name it was issued for.
        var payload = string.Join('\n', PayloadVersion, flow.Id,
            flow.CreatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), flow.CodeVerifier, flow.Next);
        context.Response.Cookies.Append(
            CookieName(context, flow.Id),
            _protector.Protect(payload),
            CreateCookieOptions(context, cookiePath, _options.CurrentValue.FlowLifetime));
    }

    public static void Delete(HttpContext context, string flowId, string cookiePath)
    {
        context.Response.Cookies.Delete(CookieName(context, flowId), CreateCookieOptions(context, cookiePath, maxAge: null));
    }

    /// <summary>
    /// Returns the cookie name of a flow. Over HTTPS it carries the <c>__Host-</c> prefix, which browsers accept only
    /// from this exact host over a secure connection, so a sibling subdomain cannot plant a flow cookie.
    /// </summary>
    private static string CookieName(HttpContext context, string flowId) => NamePrefix(context) + flowId;

    private static string NamePrefix(HttpContext context) => context.Request.IsHttps
        ? SupabaseBitbucketDefaults.SecureFlowCookiePrefix
        : SupabaseBitbucketDefaults.FlowCookiePrefix;

    /// <summary>Reads a flow cookie of the request.</summary>
    public FlowReadResult Read(HttpContext context, string flowId)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName(context, flowId), out var value)
            || string.IsNullOrEmpty(value))
        {
            return new FlowReadResult(FlowReadStatus.Missing, null);
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return new FlowReadResult(FlowReadStatus.Unreadable, null);
        }

        var parts = payload.Split('\n', 5);
        if (parts.Length != 5 || parts[0] != PayloadVersion || parts[1] != flowId
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var created))
        {
            return new FlowReadResult(FlowReadStatus.Unreadable, null);
        }

        var flow = new FlowState(flowId, parts[3], parts[4], DateTimeOffset.FromUnixTimeSeconds(created));
        var age = _timeProvider.GetUtcNow() - flow.CreatedAt;
        if (age > _options.CurrentValue.FlowLifetime || age < TimeSpan.FromMinutes(-5))
        {
            return new FlowReadResult(FlowReadStatus.Expired, flow);
        }

        return new FlowReadResult(FlowReadStatus.Found, flow);
    }

    /// <summary>Returns the ids of every flow cookie the request carries, oldest first.</summary>
    public IReadOnlyList<string> PendingFlowIds(HttpContext context)
    {
        var prefix = NamePrefix(context);
        var flows = new List<(string Id, DateTimeOffset CreatedAt)>();
        foreach (var name in context.Request.Cookies.Keys)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (flows.Count == MaxScannedFlowCookies)
            {
                break;
            }

            var id = name[prefix.Length..];
            if (!IsValidFlowId(id))
            {
                continue;
            }

            var read = Read(context, id);
            flows.Add((id, read.Flow?.CreatedAt ?? DateTimeOffset.MinValue));
        }

        return flows.OrderBy(flow => flow.CreatedAt).Select(flow => flow.Id).ToList();
    }

    private static CookieOptions CreateCookieOptions(HttpContext context, string path, TimeSpan? maxAge)
    {
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,

            // Browsers require Path=/ for a __Host- cookie.
            Path = context.Request.IsHttps ? "/" : path,
            MaxAge = maxAge,
            IsEssential = true,
        };
    }
}
