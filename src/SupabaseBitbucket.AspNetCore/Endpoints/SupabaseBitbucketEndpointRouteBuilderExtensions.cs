using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupabaseBitbucket.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the sign-in endpoints.
/// </summary>
public static class SupabaseBitbucketEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET {prefix}/login?next=...</c>, <c>GET {prefix}/callback</c>, <c>POST {prefix}/signout</c> and,
    /// unless <see cref="SupabaseBitbucketAuthenticationOptions.ErrorPath"/> is set, <c>GET {prefix}/error</c>,
    /// where the prefix is <see cref="SupabaseBitbucketAuthenticationOptions.RoutePrefix"/> (<c>/auth</c>).
    /// </summary>
    /// <param name="endpoints">The endpoint route builder, usually the <c>WebApplication</c>.</param>
    /// <returns>The group of mapped endpoints, for further conventions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// <c>AddSupabaseBitbucket(...).AddAspNetCore()</c> was not called.
    /// </exception>
    public static RouteGroupBuilder MapSupabaseBitbucket(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        if (endpoints.ServiceProvider.GetService<LoginEndpoint>() is null)
        {
            throw new InvalidOperationException(
                "MapSupabaseBitbucket needs the sign-in services. Call "
                + "services.AddSupabaseBitbucket(...).AddAspNetCore() when you register services.");
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SupabaseBitbucketAuthenticationOptions>>().Value;
        var group = endpoints.MapGroup(AuthPaths.Prefix(options));

        // RequestDelegate overloads need no reflection over a handler's parameters, so they work trimmed and
        // under native AOT; the Delegate overloads would need the request delegate generator in the app.
        group.MapGet(AuthPaths.Login, HandleLoginAsync).AllowAnonymous();
        group.MapGet(AuthPaths.Callback, HandleCallbackAsync).AllowAnonymous();
        group.MapPost(AuthPaths.SignOut, HandleSignOutAsync)
            .AllowAnonymous()
            .DisableAntiforgery();
        if (options.ErrorPath is null)
        {
            group.MapGet(AuthPaths.Error, HandleErrorPageAsync).AllowAnonymous();
        }

        return group;
    }

    private static Task HandleLoginAsync(HttpContext context)
    {
        var endpoint = context.RequestServices.GetRequiredService<LoginEndpoint>();
        return endpoint.Handle(context).ExecuteAsync(context);
    }

    private static async Task HandleCallbackAsync(HttpContext context)
    {
        var endpoint = context.RequestServices.GetRequiredService<CallbackEndpoint>();
        var result = await endpoint.HandleAsync(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task HandleSignOutAsync(HttpContext context)
    {
        var endpoint = context.RequestServices.GetRequiredService<SignOutEndpoint>();
        var result = await endpoint.HandleAsync(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static Task HandleErrorPageAsync(HttpContext context)
    {
        var page = context.RequestServices.GetRequiredService<ErrorPage>();
        return page.Handle(context).ExecuteAsync(context);
    }
}
