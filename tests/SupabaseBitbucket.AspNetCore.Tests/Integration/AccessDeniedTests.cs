using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SupabaseBitbucket.Emulator;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.AspNetCore.Tests.Integration;

public class AccessDeniedTests
{
    [Test]
    public async Task RequireRole_SignedInWithoutRole_ShowsForbiddenReason()
    {
        await using var emulator = await SupabaseAuthEmulator.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSupabaseBitbucket(options =>
        {
            options.Url = emulator.Url.AbsoluteUri;
            options.PublishableKey = emulator.PublishableKey;
        }).AddAspNetCore();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSupabaseBitbucket();
        app.MapGet("/", () => "home");
        app.MapGet("/admin", () => "admin").RequireAuthorization(policy => policy.RequireRole("admin"));
        await app.StartAsync();
        using var browser = new TestBrowser(new Uri(app.Urls.First()));
        await browser.SignInAsync();

        using var response = await browser.GetAsync("/admin");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("/auth/error?reason=forbidden");
        using var page = await browser.GetAsync(response.Headers.Location!.OriginalString);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Access denied");
    }
}
