using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore.Tests.Registration;

public class AddAspNetCoreTests
{
    [Test]
    public async Task AddAspNetCore_CalledTwice_RegistersOneSchemeAndKeepsBothSettings()
    {
        var services = new ServiceCollection().AddLogging();
        var builder = services.AddSupabaseBitbucket(Configure);

        builder.AddAspNetCore(options => options.RefreshMargin = TimeSpan.FromMinutes(2));
        builder.AddAspNetCore(options => options.SignOutScope = SignOutScope.Local);

        await using var provider = services.BuildServiceProvider();
        var schemes = await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        schemes.Select(s => s.Name).Should().ContainSingle().Which.Should().Be(SupabaseBitbucketDefaults.AuthenticationScheme);
        var options = provider.GetRequiredService<IOptions<SupabaseBitbucketAuthenticationOptions>>().Value;
        options.RefreshMargin.Should().Be(TimeSpan.FromMinutes(2));
        options.SignOutScope.Should().Be(SignOutScope.Local);
    }

    [Test]
    public async Task AddAspNetCore_Cookie_IsHttpOnlyLaxWithLoginPath()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSupabaseBitbucket(Configure).AddAspNetCore(options => options.RoutePrefix = "/account");

        await using var provider = services.BuildServiceProvider();
        var cookie = provider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(SupabaseBitbucketDefaults.AuthenticationScheme);

        cookie.Cookie.Name.Should().Be(SupabaseBitbucketDefaults.SessionCookieName);
        cookie.Cookie.HttpOnly.Should().BeTrue();
        cookie.Cookie.SameSite.Should().Be(Microsoft.AspNetCore.Http.SameSiteMode.Lax);
        cookie.LoginPath.Value.Should().Be("/account/login");
        cookie.ReturnUrlParameter.Should().Be("next");
    }

    [TestCase("PublicOrigin", "https://app.example.com/path")]
    [TestCase("PublicOrigin", "app.example.com")]
    [TestCase("RoutePrefix", "auth")]
    [TestCase("RoutePrefix", "//auth")]
    [TestCase("RefreshMargin", "-00:00:01")]
    [TestCase("FlowLifetime", "00:00:00")]
    [TestCase("MaxPendingFlows", "0")]
    [TestCase("ErrorPath", "https://evil.example/")]
    public void Validate_BadSetting_FailsNamingIt(string setting, string value)
    {
        var options = new SupabaseBitbucketAuthenticationOptions();
        var property = typeof(SupabaseBitbucketAuthenticationOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(string) ? value
            : property.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var result = new SupabaseBitbucketAuthenticationOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(setting);
    }

    [Test]
    public void Validate_Defaults_Succeed()
    {
        var result = new SupabaseBitbucketAuthenticationOptionsValidator().Validate(null, new SupabaseBitbucketAuthenticationOptions());

        result.Succeeded.Should().BeTrue(result.FailureMessage);
    }

    [Test]
    public void MapSupabaseBitbucket_WithoutAddAspNetCore_ThrowsWithFix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSupabaseBitbucket(Configure);
        var app = builder.Build();

        var act = () => app.MapSupabaseBitbucket();

        act.Should().Throw<InvalidOperationException>().WithMessage("*AddAspNetCore()*");
    }

    private static void Configure(SupabaseBitbucketOptions options)
    {
        options.Url = "https://abcdefghijklmnop.supabase.co";
        options.PublishableKey = "sb_publishable_test";
    }
}
