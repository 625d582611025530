using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.Sample.Web.Bitbucket;

namespace SupabaseBitbucket.Sample.Web;

/// <summary>
/// Builds the sample web app. With no <c>Supabase:Url</c> configured it starts the emulator in process and
/// signs in against it, so the sample runs offline.
/// </summary>
public static class SampleApplication
{
    public static async Task<SampleHost> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name ties Razor Pages to this assembly, also when a test host starts the app.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SampleApplication).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        SupabaseAuthEmulator? emulator = null;
        if (string.IsNullOrWhiteSpace(builder.Configuration["Supabase:Url"]))
        {
            emulator = await SupabaseAuthEmulator.StartAsync(new SupabaseAuthEmulatorOptions
            {
                AppName = "SupabaseBitbucket sample",
                RedirectAllowList = { "http://localhost:*/**" },
            });
            builder.Configuration["Supabase:Url"] = emulator.Url.AbsoluteUri;
            builder.Configuration["Supabase:PublishableKey"] = emulator.PublishableKey;
            builder.Configuration["Bitbucket:ApiUrl"] = emulator.BitbucketApiUrl.AbsoluteUri;
        }

        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return new SampleHost(app, emulator);
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSupabaseBitbucket(builder.Configuration.GetSection("Supabase"))
            .AddAspNetCore(options => builder.Configuration.GetSection("Supabase:AspNetCore").Bind(options));

        // Several instances of the app share sign-ins once they share one key ring.
        var keysPath = builder.Configuration["DataProtection:KeysPath"];
        if (!string.IsNullOrWhiteSpace(keysPath))
        {
            builder.Services.AddDataProtection()
                .SetApplicationName("SupabaseBitbucket.Sample.Web")
                .PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        builder.Services.AddHttpClient<BitbucketApiClient>(client =>
        {
            client.BaseAddress = new Uri(EnsureTrailingSlash(builder.Configuration["Bitbucket:ApiUrl"]
                ?? "https://api.bitbucket.org/2.0/"));
            client.Timeout = TimeSpan.FromSeconds(3);
        });
        builder.Services.AddRazorPages(options => options.Conventions.AuthorizePage("/Profile"));
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/auth/error?reason=failed");
        }

        app.UseForwardedHeaders();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapSupabaseBitbucket();
        app.MapRazorPages();
    }

    private static string EnsureTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
