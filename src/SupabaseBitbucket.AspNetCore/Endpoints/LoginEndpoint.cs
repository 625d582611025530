using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// <c>GET {prefix}/login?next=...</c>: starts a sign-in and sends the browser to Supabase.
/// </summary>
internal sealed class LoginEndpoint
{
    private readonly ISignInService _signIn;
    private readonly FlowCookies _flowCookies;
    private readonly IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LoginEndpoint> _logger;
    private readonly bool _hostIsUnchecked;
    private int _hostWarningLogged;

    public LoginEndpoint(
        ISignInService signIn,
        FlowCookies flowCookies,
        IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> options,
        TimeProvider timeProvider,
        ILogger<LoginEndpoint> logger,
        IOptions<HostFilteringOptions> hostFiltering,
        IHostEnvironment environment)
    {
        _signIn = signIn;
        _flowCookies = flowCookies;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        var allowedHosts = hostFiltering.Value.AllowedHosts;
        _hostIsUnchecked = !environment.IsDevelopment()
            && (allowedHosts.Count == 0 || allowedHosts.Contains("*"));
    }

    public IResult Handle(HttpContext context)
    {
        var options = _options.CurrentValue;
        WarnOnceIfHostUnchecked(options);
        var nextValues = context.Request.Query["next"];
        var next = LocalRedirect.Resolve(nextValues.Count == 1 ? nextValues[0] : null);
        var flowId = FlowCookies.NewFlowId();
        var callbackUrl = AuthPaths.CallbackUrl(context, options, flowId);
        if (callbackUrl is null)
        {
            Log.SignInFailed(_logger, SignInErrorReasons.Failed, flowId, "the request has no Host header");
            return Results.Redirect(AuthPaths.ErrorUrl(context, options, SignInErrorReasons.Failed));
        }

        BitbucketSignIn signIn;
        try
        {
            signIn = _signIn.SignInWithBitbucket(new BitbucketSignInOptions { RedirectTo = callbackUrl });
        }
        catch (ArgumentException)
        {
            Log.SignInFailed(_logger, SignInErrorReasons.Failed, flowId, "the request's host gives no valid callback URL");
            return Results.Redirect(AuthPaths.ErrorUrl(context, options, SignInErrorReasons.Failed));
        }

        var cookiePath = AuthPaths.CookiePath(context, options);
        DropOldestFlows(context, options, cookiePath);
        _flowCookies.Write(context, new FlowState(flowId, signIn.CodeVerifier, next, _timeProvider.GetUtcNow()), cookiePath);
        Log.SignInStarted(_logger, flowId, next);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(signIn.ToString());
    }

    /// <summary>
    /// Warns when the callback URL comes from a Host header that nothing checks, so that a forged Host could steer
    /// Supabase's redirect to another site whenever the allow-list also matches it.
    /// </summary>
    private void WarnOnceIfHostUnchecked(SupabaseBitbucketAuthenticationOptions options)
    {
        if (_hostIsUnchecked && options.PublicOrigin is null && Interlocked.Exchange(ref _hostWarningLogged, 1) == 0)
        {
            Log.HostUnchecked(_logger);
        }
    }

    private void DropOldestFlows(HttpContext context, SupabaseBitbucketAuthenticationOptions options, string cookiePath)
    {
        var pending = _flowCookies.PendingFlowIds(context);
        var dropCount = pending.Count - Math.Max(options.MaxPendingFlows, 1) + 1;
        for (var i = 0; i < dropCount; i++)
        {
            FlowCookies.Delete(context, pending[i], cookiePath);
        }

        if (dropCount > 0)
        {
            Log.PendingFlowsDropped(_logger, dropCount, options.MaxPendingFlows);
        }
    }
}
