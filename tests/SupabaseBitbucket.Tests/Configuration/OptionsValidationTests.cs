using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.Tests.Configuration;

public class OptionsValidationTests
{
    private const string ValidUrl = "https://abcdefghijklmnop.supabase.co";
    private const string ValidKey = "sb_publishable_abc123";

    [TestCase("https://abcdefghijklmnop.supabase.co")]
    [TestCase("https://abcdefghijklmnop.supabase.co/")]
    [TestCase("http://localhost:54321")]
    [TestCase("http://127.0.0.1:54321")]
    [TestCase("http://[::1]:54321")]
    public void Validate_GoodUrl_Succeeds(string url)
    {
        var result = Validate(url, ValidKey);

        result.Succeeded.Should().BeTrue(result.FailureMessage);
    }

    [TestCase(null, "Url is missing")]
    [TestCase("", "Url is missing")]
    [TestCase("abcdefghijklmnop.supabase.co", "not an absolute http or https URL")]
    [TestCase("ftp://abcdefghijklmnop.supabase.co", "not an absolute http or https URL")]
    [TestCase("/relative", "not an absolute http or https URL")]
    [TestCase("http://abcdefghijklmnop.supabase.co", "plain http")]
    [TestCase("https://abcdefghijklmnop.supabase.co/auth/v1", "path, query or fragment")]
    [TestCase("https://abcdefghijklmnop.supabase.co/?x=1", "path, query or fragment")]
    [TestCase("https://abcdefghijklmnop.supabase.co/#x", "path, query or fragment")]
    [TestCase("https://user:pw@abcdefghijklmnop.supabase.co", "user information")]
    public void Validate_BadUrl_FailsNamingUrl(string? url, string expected)
    {
        var result = Validate(url, ValidKey);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Url").And.Contain(expected);
    }

    [Test]
    public void Validate_MissingKey_FailsNamingKey()
    {
        var result = Validate(ValidUrl, null);

        result.FailureMessage.Should().Contain("PublishableKey is missing");
    }

    [Test]
    public void Validate_SecretKey_FailsWithoutShowingKey()
    {
        const string secret = "sb_secret_AbCdEf0123456789";

        var result = Validate(ValidUrl, secret);

        result.FailureMessage.Should().Contain("secret key");
        result.FailureMessage.Should().NotContain("AbCdEf0123456789");
    }

    [Test]
    public void Validate_LegacyServiceRoleKey_FailsWithoutShowingKey()
    {
        var key = LegacyKey("service_role");

        var result = Validate(ValidUrl, key);

        result.FailureMessage.Should().Contain("service_role");
        result.FailureMessage.Should().NotContain(key.Split('.')[1]);
    }

    [Test]
    public void Validate_LegacyAnonKey_Succeeds()
    {
        var result = Validate(ValidUrl, LegacyKey("anon"));

        result.Succeeded.Should().BeTrue(result.FailureMessage);
    }

    [Test]
    public void Validate_KeyWithLineBreak_Fails()
    {
        var result = Validate(ValidUrl, "sb_publishable_abc\n");

        result.FailureMessage.Should().Contain("whitespace or control characters");
    }

    [TestCase("/auth/callback")]
    [TestCase("callback")]
    [TestCase("ftp://example.com/cb")]
    public void Validate_RedirectToNotAbsolute_Fails(string redirectTo)
    {
        var result = Validate(ValidUrl, ValidKey, o => o.RedirectTo = redirectTo);

        result.FailureMessage.Should().Contain("RedirectTo").And.Contain("not an absolute http or https URL");
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(301)]
    public void Validate_TimeoutOutOfRange_Fails(int seconds)
    {
        var result = Validate(ValidUrl, ValidKey, o => o.HttpTimeout = TimeSpan.FromSeconds(seconds));

        result.FailureMessage.Should().Contain("HttpTimeout");
    }

    [Test]
    public void Validate_SeveralProblems_ReportsAllInOneMessage()
    {
        var result = Validate("http://example.com/path", "sb_secret_x", o => o.RedirectTo = "/cb");

        result.FailureMessage!.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal)).Should().Be(4);
        result.FailureMessage.Should().NotContain(".;");
        result.FailureMessage.Should().Contain("plain http")
            .And.Contain("path, query or fragment")
            .And.Contain("secret key")
            .And.Contain("RedirectTo");
    }

    [Test]
    public void HostStart_InvalidOptionsFromSection_ThrowsNamingSectionKeys()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Supabase:Url"] = "http://example.com",
                ["Supabase:PublishableKey"] = "sb_secret_hidden_value",
            })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSupabaseBitbucket(configuration.GetSection("Supabase"));
        using var host = builder.Build();

        var act = () => host.StartAsync();

        var exception = act.Should().ThrowAsync<OptionsValidationException>().Result.Which;
        exception.Message.Should().Contain("Supabase:Url").And.Contain("Supabase:PublishableKey");
        exception.Message.Should().NotContain("hidden_value");
    }

    [Test]
    public void AddSupabaseBitbucket_FromSection_BindsEveryKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Supabase:Url"] = ValidUrl,
                ["Supabase:PublishableKey"] = ValidKey,
                ["Supabase:RedirectTo"] = "https://app.example.com/auth/callback",
                ["Supabase:HttpTimeout"] = "00:00:07",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSupabaseBitbucket(configuration.GetSection("Supabase"));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<SupabaseBitbucketOptions>>().Value;

        options.Url.Should().Be(ValidUrl);
        options.PublishableKey.Should().Be(ValidKey);
        options.RedirectTo.Should().Be("https://app.example.com/auth/callback");
        options.HttpTimeout.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Test]
    public void AddSupabaseBitbucket_CalledTwice_RegistersOneServiceAndOneValidator()
    {
        var services = new ServiceCollection();

        services.AddSupabaseBitbucket(o => { o.Url = ValidUrl; o.PublishableKey = ValidKey; });
        services.AddSupabaseBitbucket(o => o.RedirectTo = "https://app.example.com/cb");

        services.Count(d => d.ServiceType == typeof(ISignInService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<SupabaseBitbucketOptions>)).Should().Be(1);
        var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SupabaseBitbucketOptions>>().Value;
        options.Url.Should().Be(ValidUrl);
        options.RedirectTo.Should().Be("https://app.example.com/cb");
    }

    [Test]
    public void AddSupabaseBitbucket_NullArguments_Throw()
    {
        var services = new ServiceCollection();

        var withoutConfigure = () => services.AddSupabaseBitbucket((Action<SupabaseBitbucketOptions>)null!);
        var withoutSection = () => services.AddSupabaseBitbucket((IConfiguration)null!);

        withoutConfigure.Should().Throw<ArgumentNullException>();
        withoutSection.Should().Throw<ArgumentNullException>();
    }

    private static ValidateOptionsResult Validate(string? url, string? key, Action<SupabaseBitbucketOptions>? configure = null)
    {
        var options = new SupabaseBitbucketOptions { Url = url, PublishableKey = key };
        configure?.Invoke(options);
        return new SupabaseBitbucketOptionsValidator().Validate(null, options);
    }

    private static string LegacyKey(string role)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        return Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
            + Encode($"{{\"iss\":\"supabase\",\"ref\":\"abcdefghijklmnop\",\"role\":\"{role}\",\"iat\":1700000000}}")
            + ".c2lnbmF0dXJl";
    }
}
