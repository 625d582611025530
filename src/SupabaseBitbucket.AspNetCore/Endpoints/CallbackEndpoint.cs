using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// <c>GET {prefix}/callback?flow=...&amp;code=...</c>: exchanges the code for a session and signs the user in.
/// Every failure ends on the error page with its own reason, never in an exception.
/// </summary>
internal sealed class CallbackEndpoint
{
    /// <summary>The description Supabase sends when the Bitbucket account has no email address.</summary>
    private const string NoEmailDescription = "Error getting user email from external provider";

    private readonly ISignInService _signIn;
    private readonly FlowCookies _flowCookies;
    private readonly IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> _options;
    private readonly ILogger<CallbackEndpoint> _logger;
    private readonly TimeProvider _timeProvider;

    public CallbackEndpoint(
        ISignInService signIn,
        FlowCookies flowCookies,
        IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> options,
        ILogger<CallbackEndpoint> logger,
        TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _signIn = signIn;
        _flowCookies = flowCookies;
        _options = options;
        _logger = logger;
    }

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var options = _options.CurrentValue;
        string? flowId = null;
        try
        {
            var flowResult = ReadFlow(context, options, out flowId);
            if (flowResult.Reason is { } flowReason)
            {
                return await FailFlowAsync(context, options, flowReason, flowId, flowResult.Detail).ConfigureAwait(false);
            }

            var flow = flowResult.Flow!;
            var query = context.Request.Query;
            if (query.ContainsKey("error"))
            {
                var (reason, detail) = ClassifyProviderError(query);
                return Fail(context, options, reason, flowId, detail, flow.Next);
            }

            var code = SingleValue(query, "code");
            if (string.IsNullOrWhiteSpace(code))
            {
                return Fail(context, options, SignInErrorReasons.CodeMissing, flowId, "no code in the callback", flow.Next);
            }

            return await ExchangeAsync(context, options, flow, code).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The browser closed the connection, so no page can be shown.
            return Results.Empty;
        }
#pragma warning disable CA1031 // The callback must end on the error page whatever fails, never in a 500.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.SignInFailedUnexpectedly(_logger, exception, flowId);
            return Results.Redirect(AuthPaths.ErrorUrl(context, options, SignInErrorReasons.Failed));
        }
    }

    private async Task<IResult> ExchangeAsync(
        HttpContext context, SupabaseBitbucketAuthenticationOptions options, FlowState flow, string code)
    {
        Session session;
        try
        {
            session = await _signIn.ExchangeCodeAsync(code, flow.CodeVerifier, context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (SupabaseAuthException exception)
        {
            var detail = "code exchange failed with " + Describe(exception.StatusCode) + " and "
                + (exception.ErrorCode is { } errorCode ? "error code " + errorCode : "no error code");
            return Fail(context, options, ClassifyExchangeError(exception), flow.Id, detail, flow.Next);
        }

        if (session.User is null)
        {
            return Fail(context, options, SignInErrorReasons.Failed, flow.Id, "the session has no user", flow.Next);
        }

        var properties = new AuthenticationProperties { IsPersistent = true };
        SessionTokens.Store(properties, session);
        SessionTokens.MarkChecked(properties, _timeProvider.GetUtcNow());
        var principal = SupabasePrincipalFactory.Create(session, SupabaseBitbucketDefaults.AuthenticationScheme);
        await context.SignInAsync(SupabaseBitbucketDefaults.AuthenticationScheme, principal, properties)
            .ConfigureAwait(false);
        Log.SignInCompleted(_logger, session.User.Id, flow.Id);

        // The next path was checked at login; checking again costs nothing and guards a forged cookie.
        return Results.Redirect(RedirectLocation.Encode(LocalRedirect.Resolve(flow.Next)));
    }

    private (FlowState? Flow, string? Reason, string Detail) ReadFlow(
        HttpContext context, SupabaseBitbucketAuthenticationOptions options, out string? flowId)
    {
        flowId = SingleValue(context.Request.Query, "flow");
        if (!FlowCookies.IsValidFlowId(flowId))
        {
            // Guessing the flow would let any link to the callback consume this browser's newest pending sign-in.
            flowId = null;
            return (null, SignInErrorReasons.FlowMissing, "no valid flow id in the callback URL");
        }

        var read = _flowCookies.Read(context, flowId);
        FlowCookies.Delete(context, flowId, AuthPaths.CookiePath(context, options));
        return read.Status switch
        {
            FlowReadStatus.Found => (read.Flow, null, string.Empty),
            FlowReadStatus.Missing => (null, SignInErrorReasons.FlowMissing, "no flow cookie for the flow id"),
            FlowReadStatus.Expired => (null, SignInErrorReasons.FlowMissing, "the flow cookie has expired"),
            _ => (null, SignInErrorReasons.FlowInvalid, "the flow cookie could not be decrypted"),
        };
    }

    private static (string Reason, string Detail) ClassifyProviderError(IQueryCollection query)
    {
        var error = SingleValue(query, "error") ?? string.Empty;
        var errorCode = SingleValue(query, "error_code");
        var description = SingleValue(query, "error_description") ?? string.Empty;
        var detail = $"the provider returned error {LoggableCode(error)} with "
            + (errorCode is null ? "no error code" : "error code " + LoggableCode(errorCode));
        if (error == "access_denied")
        {
            return (SignInErrorReasons.Cancelled, detail);
        }

        if (description.Contains(NoEmailDescription, StringComparison.OrdinalIgnoreCase))
        {
            return (SignInErrorReasons.NoEmail, detail);
        }

        return (SignInErrorReasons.ProviderError, detail);
    }

    private static string ClassifyExchangeError(SupabaseAuthException exception) => exception.ErrorCode switch
    {
        "flow_state_not_found" => SignInErrorReasons.CodeInvalid,
        "flow_state_expired" => SignInErrorReasons.FlowExpired,
        "bad_code_verifier" => SignInErrorReasons.VerifierMismatch,
        "validation_failed" => SignInErrorReasons.CodeInvalid,
        _ when exception.IsRetryable || exception.StatusCode is null or >= 500 => SignInErrorReasons.Unavailable,
        "invalid_response" => SignInErrorReasons.Unavailable,
        _ => SignInErrorReasons.Failed,
    };

    /// <summary>
    /// Fails a callback whose flow is unusable, except that a reload of an already completed callback sends a
    /// signed-in user home instead of to an error page.
    /// </summary>
    private async Task<IResult> FailFlowAsync(
        HttpContext context, SupabaseBitbucketAuthenticationOptions options, string reason, string? flowId, string detail)
    {
        if (reason == SignInErrorReasons.FlowMissing)
        {
            var result = await context.AuthenticateAsync(SupabaseBitbucketDefaults.AuthenticationScheme)
                .ConfigureAwait(false);
            if (result.Succeeded)
            {
                Log.CallbackWhileSignedIn(_logger, flowId ?? "none");
                return Results.Redirect(context.Request.PathBase.HasValue ? context.Request.PathBase.Value + "/" : "/");
            }
        }

        return Fail(context, options, reason, flowId, detail);
    }

    /// <summary>Logs a failed callback and redirects to the error page, which keeps the flow's next path.</summary>
    private IResult Fail(
        HttpContext context,
        SupabaseBitbucketAuthenticationOptions options,
        string reason,
        string? flowId,
        string detail,
        string? next = null)
    {
        Log.SignInFailed(_logger, reason, flowId ?? "none", detail);
        return Results.Redirect(AuthPaths.ErrorUrl(context, options, reason, next));
    }

    private static string? SingleValue(IQueryCollection query, string key)
    {
        var values = query[key];
        return values.Count == 1 ? values[0] : null;
    }

    private static string Describe(int? statusCode) => statusCode is { } status
        ? "status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "no response";

    /// <summary>
    /// Returns an error or error code from the query for a log line when it has the shape of one, such as
    /// <c>access_denied</c>: lower-case letters and underscores, at most 64. Anything else is written as
    /// <c>other</c>, because it is the sender's own text and could carry a code or token pasted into the URL.
    /// </summary>
    private static string LoggableCode(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => c is (>= 'a' and <= 'z') or '_') ? value : "other";
}
