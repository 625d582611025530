using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.Sample.Web;

/// <summary>
/// The sample web app together with the emulator it started, if any; disposing it stops both.
/// </summary>
public sealed class SampleHost : IAsyncDisposable
{
    public SampleHost(WebApplication app, SupabaseAuthEmulator? emulator)
    {
        App = app;
        Emulator = emulator;
    }

    public WebApplication App { get; }

    public SupabaseAuthEmulator? Emulator { get; }

    /// <summary>The addresses the app listens on, once started.</summary>
    public IReadOnlyCollection<string> Addresses =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    public Task StartAsync(CancellationToken cancellationToken = default) => App.StartAsync(cancellationToken);

    public async Task RunAsync()
    {
        await App.StartAsync();
        var logger = App.Services.GetRequiredService<ILogger<SampleHost>>();
        foreach (var address in Addresses)
        {
            SampleLog.Listening(logger, address);
        }

        if (Emulator is not null)
        {
            SampleLog.UsesEmulator(logger, Emulator.Url);
        }

        await App.WaitForShutdownAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
