using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Keeps the Supabase session in the cookie fresh: refreshes it near expiry, signs the user out when Supabase
/// rejects the refresh token, and keeps them signed in while Supabase is only unreachable and the access token
/// is still valid.
/// </summary>
internal sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    private readonly SessionRefresher _refresher;
    private readonly SessionChecker _checker;
    private readonly IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SessionCookieEvents> _logger;

    public SessionCookieEvents(
        SessionRefresher refresher,
        SessionChecker checker,
        IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> options,
        TimeProvider timeProvider,
        ILogger<SessionCookieEvents> logger)
    {
        _refresher = refresher;
        _checker = checker;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var session = SessionTokens.Read(context.Properties, _timeProvider);
        var userId = context.Principal?.FindFirst(SupabaseClaimTypes.UserId)?.Value;
        if (session is null)
        {
            Log.SessionCookieIncomplete(_logger);
            await RejectAndSignOutAsync(context).ConfigureAwait(false);
            return;
        }

        var now = _timeProvider.GetUtcNow();
        if (session.ExpiresAt - now > _options.CurrentValue.RefreshMargin)
        {
            await CheckSessionAsync(context, session, userId, now).ConfigureAwait(false);
            return;
        }

        Session refreshed;
        try
        {
            refreshed = await _refresher.RefreshAsync(session.RefreshToken, context.HttpContext.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (SupabaseAuthException exception) when (IsRejection(exception))
        {
            Log.RefreshRejected(_logger, userId, exception.StatusCode, exception.ErrorCode);
            await RejectAndSignOutAsync(context).ConfigureAwait(false);
            return;
        }
        catch (SupabaseAuthException exception)
        {
            var stillValid = session.ExpiresAt > now;
            Log.RefreshUnavailable(_logger, userId, exception.StatusCode, exception.ErrorCode, stillValid);

            // The cookie stays, so a later request can refresh once Supabase responds again.
            if (!stillValid)
            {
                context.RejectPrincipal();
            }

            return;
        }

        SessionTokens.Store(context.Properties, refreshed);
        SessionTokens.MarkChecked(context.Properties, now);
        if (refreshed.User is not null && context.Scheme is not null)
        {
            context.ReplacePrincipal(SupabasePrincipalFactory.Create(refreshed, context.Scheme.Name));
        }

        context.ShouldRenew = true;
        Log.SessionRefreshed(_logger, userId, refreshed.ExpiresAt);
    }

    /// <summary>
    /// Asks Supabase whether the session still exists once per <see cref="SupabaseBitbucketAuthenticationOptions.SessionCheckInterval"/>,
    /// and signs the user out when Supabase reports it has ended. An unreachable Supabase keeps the user signed in.
    /// </summary>
    private async Task CheckSessionAsync(
        CookieValidatePrincipalContext context, Session session, string? userId, DateTimeOffset now)
    {
        var interval = _options.CurrentValue.SessionCheckInterval;
        if (interval is null || now - SessionTokens.LastChecked(context.Properties) < interval)
        {
            return;
        }

        try
        {
            await _checker.CheckAsync(session.AccessToken, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (SupabaseAuthException exception) when (IsRejection(exception))
        {
            Log.SessionEnded(_logger, userId, exception.StatusCode, exception.ErrorCode);
            await RejectAndSignOutAsync(context).ConfigureAwait(false);
            return;
        }
        catch (SupabaseAuthException exception)
        {
            // The next check waits a full interval, so a struggling Supabase gets no extra load.
            Log.SessionCheckUnavailable(_logger, userId, exception.StatusCode, exception.ErrorCode);
        }

        SessionTokens.MarkChecked(context.Properties, now);
        context.ShouldRenew = true;
    }

    /// <summary>Sends a signed-in user who lacks a permission to the error page with the forbidden reason.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.RedirectUri = AuthPaths.ErrorUrl(context.HttpContext, _options.CurrentValue, SignInErrorReasons.Forbidden);
        return base.RedirectToAccessDenied(context);
    }

    /// <summary>
    /// Supabase rejects a refresh token it has revoked, seen reused or never issued with a 4xx status;
    /// a 408, a 429 or a missing status reveals nothing about the token.
    /// </summary>
    private static bool IsRejection(SupabaseAuthException exception)
    {
        return exception.StatusCode is >= 400 and < 500 and not 408 and not 429;
    }

    private static async Task RejectAndSignOutAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
    }
}
