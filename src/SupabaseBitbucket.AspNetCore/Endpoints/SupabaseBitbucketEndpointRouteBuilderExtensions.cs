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
        group.MapGet(AuthPaths.Login, (HttpContext context, LoginEndpoint endpoint) => endpoint.Handle(context))
            .AllowAnonymous();
        group.MapGet(AuthPaths.Callback, (HttpContext context, CallbackEndpoint endpoint) => endpoint.HandleAsync(context))
            .AllowAnonymous();
        group.MapPost(AuthPaths.SignOut, (HttpContext context, SignOutEndpoint endpoint) => endpoint.HandleAsync(context))
            .AllowAnonymous()
            .DisableAntiforgery();
        if (options.ErrorPath is null)
        {
            group.MapGet(AuthPaths.Error, (HttpContext context, ErrorPage page) => page.Handle(context))
                .AllowAnonymous();
        }

        return group;
    }
}
