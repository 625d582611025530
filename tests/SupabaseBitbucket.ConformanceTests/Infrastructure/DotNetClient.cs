using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket.ConformanceTests.Infrastructure;

/// <summary>
/// The library as an application gets it: a real service collection with <c>AddSupabaseBitbucket</c> and the
/// HTTP client factory, pointed at one Supabase project URL.
/// </summary>
internal sealed class DotNetClient : IDisposable
{
    private readonly ServiceProvider _services;

    public DotNetClient(string supabaseUrl, string publishableKey)
    {
        var services = new ServiceCollection();
        services.AddSupabaseBitbucket(options =>
        {
            options.Url = supabaseUrl;
            options.PublishableKey = publishableKey;
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        SignIn = _services.GetRequiredService<ISignInService>();
    }

    public ISignInService SignIn { get; }

    public void Dispose() => _services.Dispose();
}
