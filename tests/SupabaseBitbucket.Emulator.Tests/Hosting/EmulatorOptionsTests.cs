namespace SupabaseBitbucket.Emulator.Tests.Hosting;

public class EmulatorOptionsTests
{
    [Test]
    public async Task StartAsync_ShortJwtSecret_ThrowsWithoutSecret()
    {
        var options = new SupabaseAuthEmulatorOptions { JwtSecret = "too-short-secret" };

        var start = () => SupabaseAuthEmulator.StartAsync(options);

        var error = await start.Should().ThrowAsync<ArgumentException>();
        error.Which.Message.Should().Contain("JwtSecret has 16 characters: use at least 32.");
        error.Which.Message.Should().NotContain("too-short-secret");
    }

    [Test]
    public async Task StartAsync_SeveralProblems_ListsAll()
    {
        var options = new SupabaseAuthEmulatorOptions
        {
            Port = 70000,
            SiteUrl = "not a url",
            AutoConsent = "nobody",
            FlowStateLifetime = TimeSpan.Zero,
            AccessTokenLifetime = TimeSpan.FromSeconds(-1),
            RefreshTokenReuseInterval = TimeSpan.FromSeconds(-1),
            AppName = " ",
            PublishableKey = " ",
        };

        var start = () => SupabaseAuthEmulator.StartAsync(options);

        var message = (await start.Should().ThrowAsync<ArgumentException>()).Which.Message;
        message.Should().Contain("Port is 70000");
        message.Should().Contain("SiteUrl 'not a url'");
        message.Should().Contain("AutoConsent 'nobody'");
        message.Should().Contain("FlowStateLifetime");
        message.Should().Contain("AccessTokenLifetime");
        message.Should().Contain("RefreshTokenReuseInterval");
        message.Should().Contain("AppName");
        message.Should().Contain("PublishableKey");
    }

    [Test]
    public async Task StartAsync_UnknownAutoConsent_ListsUsernames()
    {
        var options = new SupabaseAuthEmulatorOptions { AutoConsent = "nosuch" };

        var start = () => SupabaseAuthEmulator.StartAsync(options);

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(
            "AutoConsent 'nosuch' names no account: use 'first' or one of the account usernames "
            + "(alice, bob, no-email).");
    }

    [Test]
    public async Task StartAsync_ManyAccounts_ListsTenUsernames()
    {
        var options = new SupabaseAuthEmulatorOptions { AutoConsent = "nosuch" };
        for (var i = 1; i <= 12; i++)
        {
            options.Accounts.Add(new EmulatorAccount($"user-{i}", $"User {i}"));
        }

        var start = () => SupabaseAuthEmulator.StartAsync(options);

        var message = (await start.Should().ThrowAsync<ArgumentException>()).Which.Message;
        message.Should().Contain(
            "(alice, bob, no-email, user-1, user-2, user-3, user-4, user-5, user-6, user-7 and 5 more)");
        message.Should().NotContain("user-8");
    }

    [TestCase("first")]
    [TestCase("alice")]
    public async Task StartAsync_AutoConsentWithoutAccounts_Throws(string choice)
    {
        var options = new SupabaseAuthEmulatorOptions { AutoConsent = choice };
        options.Accounts.Clear();

        var start = () => SupabaseAuthEmulator.StartAsync(options);

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(
            $"AutoConsent '{choice}' names no account: Accounts is empty, so add an account first.");
    }

    [Test]
    public async Task StartAsync_BadAllowListGlob_Throws()
    {
        var options = new SupabaseAuthEmulatorOptions { RedirectAllowList = { "https://{a,b.example.org/" } };

        var start = () => SupabaseAuthEmulator.StartAsync(options);

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("unclosed '{'");
    }

    [Test]
    public async Task StartAsync_DuplicateUsernames_Throws()
    {
        var options = new SupabaseAuthEmulatorOptions();
        options.Accounts.Add(new EmulatorAccount("Alice", "Another Alice"));

        var start = () => SupabaseAuthEmulator.StartAsync(options);

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("'Alice' exists already");
    }

    [Test]
    public void Defaults_MatchLocalSupabaseProject()
    {
        var options = new SupabaseAuthEmulatorOptions();

        options.Port.Should().Be(0);
        options.SiteUrl.Should().BeNull();
        SupabaseAuthEmulatorOptions.DefaultSiteUrl.Should().Be("http://127.0.0.1:3000");
        options.RedirectAllowList.Should().BeEmpty();
        options.FlowStateLifetime.Should().Be(TimeSpan.FromSeconds(300));
        options.AccessTokenLifetime.Should().Be(TimeSpan.FromSeconds(3600));
        options.RefreshTokenReuseInterval.Should().Be(TimeSpan.FromSeconds(10));
        options.TimeProvider.Should().BeSameAs(TimeProvider.System);
        options.AutoConsent.Should().BeNull();
    }

    [Test]
    public void DefaultAccounts_AreAliceBobAndNoEmail()
    {
        var accounts = new SupabaseAuthEmulatorOptions().Accounts;

        accounts.Select(a => a.Username).Should().Equal("alice", "bob", "no-email");
        accounts[0].Emails.Should().ContainSingle(e => e.Email == "alice@example.com" && e.IsPrimary && e.IsConfirmed);
        accounts[1].Emails.Should().Contain(e => e.Email == "bob@example.com" && e.IsPrimary && e.IsConfirmed);
        accounts[2].Emails.Should().BeEmpty();
    }
}
