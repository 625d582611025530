using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// <c>POST {prefix}/signout</c>: revokes the session at Supabase and clears the cookies, even when Supabase
/// cannot be reached. Requires an antiforgery token so another site cannot sign the user out.
/// </summary>
internal sealed class SignOutEndpoint
{
    private readonly ISignInService _signIn;
    private readonly SessionRefresher _refresher;
    private readonly FlowCookies _flowCookies;
    private readonly IAntiforgery _antiforgery;
    private readonly IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SignOutEndpoint> _logger;

    public SignOutEndpoint(
        ISignInService signIn,
        SessionRefresher refresher,
        FlowCookies flowCookies,
        IAntiforgery antiforgery,
        IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> options,
        TimeProvider timeProvider,
        ILogger<SignOutEndpoint> logger)
    {
        _signIn = signIn;
        _refresher = refresher;
        _flowCookies = flowCookies;
        _antiforgery = antiforgery;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var options = _options.CurrentValue;
        if (!await IsAntiforgeryValidAsync(context).ConfigureAwait(false))
        {
            Log.SignOutRejected(_logger);
            return Results.Redirect(AuthPaths.ErrorUrl(context, options, SignInErrorReasons.SignOutRejected));
        }

        // The form is read before anything is revoked, so a malformed body cannot stop the sign-out halfway.
        var next = await ReadNextAsync(context).ConfigureAwait(false);
        var result = await context.AuthenticateAsync(SupabaseBitbucketDefaults.AuthenticationScheme).ConfigureAwait(false);
        var userId = result.Principal?.FindFirst(SupabaseClaimTypes.UserId)?.Value;
        var session = result.Properties is null ? null : SessionTokens.Read(result.Properties, _timeProvider);
        if (session is not null)
        {
            await RevokeAsync(session, options.SignOutScope, userId, context.RequestAborted).ConfigureAwait(false);
        }

        await context.SignOutAsync(SupabaseBitbucketDefaults.AuthenticationScheme).ConfigureAwait(false);
        var cookiePath = AuthPaths.CookiePath(context, options);
        foreach (var flowId in _flowCookies.PendingFlowIds(context))
        {
            FlowCookies.Delete(context, flowId, cookiePath);
        }

        Log.SignedOut(_logger, userId, options.SignOutScope);
        return Results.Redirect(RedirectLocation.Encode(LocalRedirect.Resolve(next)));
    }

    /// <summary>Returns the form's single <c>next</c> value, or <see langword="null"/> when the body has none or is malformed.</summary>
    private static async Task<string?> ReadNextAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var next = form["next"];
            return next.Count == 1 ? next[0] : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
    }

    private async Task<bool> IsAntiforgeryValidAsync(HttpContext context)
    {
        try
        {
            await _antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
        catch (InvalidDataException)
        {
            // A malformed form body: treated like a missing token.
            return false;
        }
    }

    private async Task RevokeAsync(Session session, SignOutScope scope, string? userId, CancellationToken cancellationToken)
    {
        try
        {
            var accessToken = session.AccessToken;
            if (session.ExpiresAt <= _timeProvider.GetUtcNow())
            {
                // Supabase ignores sign-out with an expired access token, which would leave the session alive.
                accessToken = (await _refresher.RefreshAsync(session.RefreshToken, cancellationToken).ConfigureAwait(false))
                    .AccessToken;
            }

            await _signIn.SignOutAsync(accessToken, scope, cancellationToken).ConfigureAwait(false);
        }
        catch (SupabaseAuthException exception)
        {
            Log.SignOutRevokeFailed(_logger, userId, exception.StatusCode, exception.ErrorCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.SignOutRevokeFailed(_logger, userId, null, "request_aborted");
        }
    }
}
