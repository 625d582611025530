using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.Tokens;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// <c>POST /auth/v1/token</c> with <c>grant_type=pkce</c> (the code exchange) or
/// <c>grant_type=refresh_token</c> (rotation).
/// </summary>
/// <remarks>
/// NOTE: the password, id_token and web3 grants of Supabase Auth are rejected as unsupported here, because
/// no emulated user has a password or an ID token.
/// </remarks>
internal sealed partial class TokenEndpoint(EmulatorRuntime runtime, TokenResponseFactory tokenResponses)
{
    public static string? GrantType(HttpRequest request) => request.Query["grant_type"].FirstOrDefault();

    public Task HandleAsync(HttpContext context) => GrantType(context.Request) switch
    {
        "pkce" => ExchangeCodeAsync(context),
        "refresh_token" => RefreshAsync(context),
        _ => SupabaseErrorWriter.WriteAsync(
            context, new SupabaseError(400, "invalid_credentials", "unsupported_grant_type")),
    };

    private async Task ExchangeCodeAsync(HttpContext context)
    {
        var (fields, bodyError) = await JsonRequestBody
            .ReadAsync(context.Request, "PKCEGrantParams", "auth_code", "code_verifier")
            .ConfigureAwait(false);
        if (bodyError is not null)
        {
            await SupabaseErrorWriter.WriteAsync(context, bodyError).ConfigureAwait(false);
            return;
        }

        if (fields["auth_code"].Length == 0 || fields["code_verifier"].Length == 0)
        {
            var empty = SupabaseError.ValidationFailed(
                "invalid request: both auth code and code verifier should be non-empty");
            await SupabaseErrorWriter.WriteAsync(context, empty).ConfigureAwait(false);
            return;
        }

        var now = runtime.Clock.GetUtcNow();
        var (flowState, error) = runtime.FlowStates.Exchange(
            fields["auth_code"], fields["code_verifier"], now, runtime.Settings.FlowStateLifetime);
        if (error is not null)
        {
            await SupabaseErrorWriter.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        runtime.Users.RecordSignIn(flowState!.UserId!.Value, now);
        var user = runtime.Users.Find(flowState.UserId.Value)!;
        var (session, refreshToken) = runtime.Sessions.Create(user.Id, now);
        Log.SessionCreated(runtime.Logger, session.Id, user.Id);
        var body = tokenResponses.Create(user, session, refreshToken);
        AddProviderTokens(body, flowState.ProviderToken, flowState.ProviderRefreshToken);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private async Task RefreshAsync(HttpContext context)
    {
        var (fields, bodyError) = await JsonRequestBody
            .ReadAsync(context.Request, "RefreshTokenGrantParams", "refresh_token")
            .ConfigureAwait(false);
        var refreshToken = fields.GetValueOrDefault("refresh_token") ?? string.Empty;
        if (bodyError is null && !RefreshTokenFormat().IsMatch(refreshToken))
        {
            // Supabase Auth rejects a token that is neither 12 lower-case characters nor its signed format.
            bodyError = SupabaseError.ValidationFailed("Refresh token is not valid");
        }

        if (bodyError is not null)
        {
            await SupabaseErrorWriter.WriteAsync(context, bodyError).ConfigureAwait(false);
            return;
        }

        var now = runtime.Clock.GetUtcNow();
        var outcome = runtime.Sessions.Refresh(refreshToken, now, runtime.Settings.RefreshTokenReuseInterval);
        if (outcome.Error is not null)
        {
            if (outcome.Session is not null)
            {
                Log.RefreshTokenReuseRejected(runtime.Logger, outcome.Session.Id);
            }

            await SupabaseErrorWriter.WriteAsync(context, outcome.Error).ConfigureAwait(false);
            return;
        }

        runtime.Users.RecordSignIn(outcome.Session!.UserId, now);
        var user = runtime.Users.Find(outcome.Session.UserId)!;
        var body = tokenResponses.Create(user, outcome.Session, outcome.RefreshToken!);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private static void AddProviderTokens(JsonObject body, string providerToken, string providerRefreshToken)
    {
        // Supabase Auth omits either field when it is empty.
        if (providerToken.Length > 0)
        {
            body["provider_token"] = providerToken;
        }

        if (providerRefreshToken.Length > 0)
        {
            body["provider_refresh_token"] = providerRefreshToken;
        }
    }

    [GeneratedRegex("^[a-z0-9]{12}$")]
    private static partial Regex RefreshTokenFormat();
}
