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
    private const int FlowIdBytes = 16;

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
    public static bool IsValidFlowId(string? id)
    {
        return id is { Length: 22 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    public void Write(HttpContext context, FlowState flow, string cookiePath)
    {
        var payload = string.Join('\n', "1", flow.CreatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            flow.CodeVerifier, flow.Next);
        context.Response.Cookies.Append(
            SupabaseBitbucketDefaults.FlowCookiePrefix + flow.Id,
            _protector.Protect(payload),
            CreateCookieOptions(context, cookiePath, _options.CurrentValue.FlowLifetime));
    }

    public static void Delete(HttpContext context, string flowId, string cookiePath)
    {
        context.Response.Cookies.Delete(
            SupabaseBitbucketDefaults.FlowCookiePrefix + flowId,
            CreateCookieOptions(context, cookiePath, maxAge: null));
    }

    /// <summary>Reads a flow cookie of the request.</summary>
    public FlowReadResult Read(HttpContext context, string flowId)
    {
        if (!context.Request.Cookies.TryGetValue(SupabaseBitbucketDefaults.FlowCookiePrefix + flowId, out var value)
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

        var parts = payload.Split('\n', 4);
        if (parts.Length != 4 || parts[0] != "1"
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var created))
        {
            return new FlowReadResult(FlowReadStatus.Unreadable, null);
        }

        var flow = new FlowState(flowId, parts[2], parts[3], DateTimeOffset.FromUnixTimeSeconds(created));
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
        var flows = new List<(string Id, DateTimeOffset CreatedAt)>();
        foreach (var name in context.Request.Cookies.Keys)
        {
            if (!name.StartsWith(SupabaseBitbucketDefaults.FlowCookiePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var id = name[SupabaseBitbucketDefaults.FlowCookiePrefix.Length..];
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
            Path = path,
            MaxAge = maxAge,
            IsEssential = true,
        };
    }
}
