using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupabaseBitbucket;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Bitbucket sign-in through Supabase Auth in a service collection.
/// </summary>
public static class SupabaseBitbucketServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISignInService"/> and its HTTP client with options bound from a configuration section
    /// that has the keys <c>Url</c>, <c>PublishableKey</c>, <c>RedirectTo</c> and <c>HttpTimeout</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section, such as <c>configuration.GetSection("Supabase")</c>.</param>
    /// <returns>A builder for further registrations.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>
    /// Safe to call more than once. The options are validated when the host starts; an invalid setting
    /// throws <see cref="OptionsValidationException"/> that names every problem.
    /// </remarks>
    public static ISupabaseBitbucketBuilder AddSupabaseBitbucket(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SupabaseBitbucketOptions>()
            .Bind(configuration)
            .Configure(options => options.ConfigurationPath = (configuration as IConfigurationSection)?.Path);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="ISignInService"/> and its HTTP client with options set in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further registrations.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>
    /// Safe to call more than once. The options are validated when the host starts; an invalid setting
    /// throws <see cref="OptionsValidationException"/> that names every problem.
    /// </remarks>
    public static ISupabaseBitbucketBuilder AddSupabaseBitbucket(this IServiceCollection services, Action<SupabaseBitbucketOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SupabaseBitbucketOptions>().Configure(configure);
        return AddCore(services);
    }

    private static SupabaseBitbucketBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<SupabaseBitbucketOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SupabaseBitbucketOptions>, SupabaseBitbucketOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISignInService, SignInService>();
        return new SupabaseBitbucketBuilder(services, AddAuthHttpClient(services));
    }

    private static IHttpClientBuilder AddAuthHttpClient(IServiceCollection services)
    {
        var existing = services
            .Select(descriptor => descriptor.ImplementationInstance)
            .OfType<SupabaseAuthClientRegistration>()
            .FirstOrDefault();
        if (existing is not null)
        {
            return existing.HttpClientBuilder;
        }

        // The client enforces SupabaseBitbucketOptions.HttpTimeout per request, so HttpClient's own 100-second
        // default must not cut in first. The factory's request logging is removed because at Trace level it keeps
        // every raw header value, the API key and the user's access token included, in the log state. Only the
        // formatted message is redacted. The client logs each call itself.
        var httpClientBuilder = services
            .AddHttpClient<SupabaseAuthClient>(SupabaseAuthClient.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton(new SupabaseAuthClientRegistration(httpClientBuilder));
        return httpClientBuilder;
    }
}
