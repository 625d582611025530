using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Auth;
using SupabaseBitbucket.Emulator.Bitbucket;
using SupabaseBitbucket.Emulator.Faults;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.Tokens;

namespace SupabaseBitbucket.Emulator.Hosting;

/// <summary>
/// The emulator's single request handler: CORS, injected faults, the gateway's key check, then the
/// endpoint. Unknown routes get a 404 JSON error.
/// </summary>
internal sealed class RequestRouter
{
    private const string AvatarPrefix = "/bitbucket/account/";
    private const string AvatarSuffix = "/avatar";

    private readonly EmulatorRuntime runtime;
    private readonly AuthorizeEndpoint authorize;
    private readonly CallbackEndpoint callback;
    private readonly TokenEndpoint token;
    private readonly UserEndpoint user;
    private readonly LogoutEndpoint logout;
    private readonly BitbucketAuthorizeEndpoint bitbucketAuthorize;
    private readonly BitbucketTokenEndpoint bitbucketToken;
    private readonly BitbucketApiEndpoints bitbucketApi;

    public RequestRouter(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
        var tokenResponses = new TokenResponseFactory(runtime);
        authorize = new AuthorizeEndpoint(runtime);
        callback = new CallbackEndpoint(runtime, tokenResponses);
        token = new TokenEndpoint(runtime, tokenResponses);
        user = new UserEndpoint(runtime);
        logout = new LogoutEndpoint(runtime);
        bitbucketAuthorize = new BitbucketAuthorizeEndpoint(runtime);
        bitbucketToken = new BitbucketTokenEndpoint(runtime);
        bitbucketApi = new BitbucketApiEndpoints(runtime);
    }

    public async Task HandleAsync(HttpContext context)
    {
        ApiGateway.AddCorsHeaders(context.Response);
        if (ApiGateway.TryHandlePreflight(context))
        {
            return;
        }

        if (EndpointClassifier.Classify(context.Request) is { } endpoint
            && runtime.Faults.TryTake(endpoint) is { } fault
            && await FaultResponder.ServeAsync(context, endpoint, fault, runtime).ConfigureAwait(false))
        {
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        if (ApiGateway.NeedsApiKey(path)
            && !await ApiGateway.CheckApiKeyAsync(context, runtime.Settings.PublishableKey).ConfigureAwait(false))
        {
            return;
        }

        await DispatchAsync(context, path).ConfigureAwait(false);
    }

    private Task DispatchAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        var isGet = HttpMethods.IsGet(method);
        var isPost = HttpMethods.IsPost(method);
        return path switch
        {
            "/" when isGet => DescribeAsync(context),
            "/auth/v1/authorize" when isGet => authorize.HandleAsync(context),
            "/auth/v1/callback" when isGet || isPost => callback.HandleAsync(context),
            "/auth/v1/token" when isPost => token.HandleAsync(context),
            "/auth/v1/user" when isGet => user.HandleAsync(context),
            "/auth/v1/logout" when isPost => logout.HandleAsync(context),
            "/auth/v1/settings" when isGet => SettingsEndpoint.HandleAsync(context),
            "/bitbucket/site/oauth2/authorize" when isGet || isPost => bitbucketAuthorize.HandleAsync(context),
            "/bitbucket/site/oauth2/access_token" when isPost => bitbucketToken.HandleAsync(context),
            "/bitbucket/2.0/user" when isGet => bitbucketApi.UserAsync(context),
            "/bitbucket/2.0/user/emails" when isGet => bitbucketApi.EmailsAsync(context),
            _ when isGet && IsAvatarPath(path) =>
                bitbucketApi.AvatarAsync(context, path[AvatarPrefix.Length..^AvatarSuffix.Length]),
            // NOTE: Supabase Auth sends a plain-text 404 here; the emulator sends JSON so clients parse one format.
            _ => SupabaseErrorWriter.WriteAsync(context, SupabaseError.NotFound($"{method} {path}")),
        };
    }

    // The length check keeps a username between prefix and suffix, which also stops the two from overlapping in
    // "/bitbucket/account/avatar".
    private static bool IsAvatarPath(string path) =>
        path.Length > AvatarPrefix.Length + AvatarSuffix.Length
        && path.StartsWith(AvatarPrefix, StringComparison.Ordinal)
        && path.EndsWith(AvatarSuffix, StringComparison.Ordinal);

    /// <summary>Describes the emulator at <c>/</c>, without an API key, so scripts can wait for it to start.</summary>
    private Task DescribeAsync(HttpContext context)
    {
        var body = new JsonObject
        {
            ["name"] = "SupabaseBitbucket.Emulator",
            ["supabase_url"] = runtime.BaseUrl,
            ["auth_url"] = runtime.AuthUrl,
            ["bitbucket_api_url"] = runtime.BitbucketApiUrl,
        };
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body);
    }
}
