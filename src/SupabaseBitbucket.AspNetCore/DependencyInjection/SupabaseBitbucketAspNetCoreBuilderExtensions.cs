using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupabaseBitbucket;
using SupabaseBitbucket.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the ASP.NET Core sign-in to the registrations of <c>AddSupabaseBitbucket</c>.
/// </summary>
public static class SupabaseBitbucketAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Registers cookie authentication with the Supabase session (scheme
    /// <see cref="SupabaseBitbucketDefaults.AuthenticationScheme"/>, made the default scheme when none is set),
    /// Data Protection, antiforgery and the services behind <c>app.MapSupabaseBitbucket()</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSupabaseBitbucket</c>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Safe to call more than once. Change the session cookie itself with
    /// <c>services.Configure&lt;CookieAuthenticationOptions&gt;(SupabaseBitbucketDefaults.AuthenticationScheme, ...)</c>.
    /// </remarks>
    public static ISupabaseBitbucketBuilder AddAspNetCore(
        this ISupabaseBitbucketBuilder builder, Action<SupabaseBitbucketAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        var optionsBuilder = services.AddOptions<SupabaseBitbucketAuthenticationOptions>().ValidateOnStart();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(descriptor => descriptor.ServiceType == typeof(LoginEndpoint)))
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<
            IValidateOptions<SupabaseBitbucketAuthenticationOptions>, SupabaseBitbucketAuthenticationOptionsValidator>());
        services.AddDataProtection();
        services.AddAntiforgery();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FlowCookies>();
        services.TryAddSingleton<SessionRefresher>();
        services.TryAddSingleton<SessionChecker>();
        services.TryAddSingleton<SessionCookieEvents>();
        services.TryAddSingleton<LoginEndpoint>();
        services.TryAddSingleton<CallbackEndpoint>();
        services.TryAddSingleton<SignOutEndpoint>();
        services.TryAddSingleton<ErrorPage>();

        services.AddAuthentication(options => options.DefaultScheme ??= SupabaseBitbucketDefaults.AuthenticationScheme)
            .AddCookie(SupabaseBitbucketDefaults.AuthenticationScheme);
        services.AddOptions<CookieAuthenticationOptions>(SupabaseBitbucketDefaults.AuthenticationScheme)
            .Configure<IOptionsMonitor<SupabaseBitbucketAuthenticationOptions>, TimeProvider>(ConfigureCookie);
        return builder;
    }

    private static void ConfigureCookie(
        CookieAuthenticationOptions cookie,
        IOptionsMonitor<SupabaseBitbucketAuthenticationOptions> monitor,
        TimeProvider timeProvider)
    {
        var options = monitor.CurrentValue;
        var prefix = options.RoutePrefix.TrimEnd('/');
        cookie.Cookie.Name = SupabaseBitbucketDefaults.SessionCookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.IsEssential = true;
        cookie.LoginPath = prefix + "/login";
        cookie.LogoutPath = prefix + "/signout";
        cookie.AccessDeniedPath = prefix + "/error";
        cookie.ReturnUrlParameter = "next";
        cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
        cookie.SlidingExpiration = true;
        cookie.EventsType = typeof(SessionCookieEvents);
        cookie.TimeProvider = timeProvider;
    }
}
