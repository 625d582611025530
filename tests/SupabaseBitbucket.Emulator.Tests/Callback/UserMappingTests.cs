using System.Text.Json;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Callback;

public class UserMappingTests
{
    [Test]
    public async Task SignIn_Alice_MapsBitbucketProfileToMetadata()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var alice = emulator.Server.Accounts.Single(a => a.Username == "alice");

        var session = await emulator.SignInSessionAsync("alice");

        var metadata = session.GetProperty("user").GetProperty("user_metadata");
        metadata.Text("name").Should().Be("Alice Marlowe");
        metadata.Text("full_name").Should().Be("Alice Marlowe");
        metadata.Text("sub").Should().Be(alice.Uuid);
        metadata.Text("provider_id").Should().Be(alice.Uuid);
        metadata.Text("iss").Should().Be("https://api.bitbucket.org/2.0");
        metadata.Text("email").Should().Be("alice@example.com");
        metadata.GetProperty("email_verified").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task SignIn_AvatarInLinks_OmitsAvatarFields()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var session = await emulator.SignInSessionAsync("alice");

        var metadata = session.GetProperty("user").GetProperty("user_metadata");
        metadata.TryGetProperty("avatar_url", out _).Should().BeFalse();
        metadata.TryGetProperty("picture", out _).Should().BeFalse();
    }

    [Test]
    public async Task SignIn_PrimaryEmailListedLast_UsesPrimary()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var session = await emulator.SignInSessionAsync("bob");

        session.GetProperty("user").Text("email").Should().Be("bob@example.com");
    }

    [Test]
    public async Task SignIn_NoPrimaryEmail_UsesLastEmail()
    {
        await using var emulator = await TestEmulator.StartAsync(options => options.Accounts.Add(
            new EmulatorAccount("carol", "Carol Ng")
            {
                Emails =
                [
                    new EmulatorEmail("first@example.com"),
                    new EmulatorEmail("Last@Example.com", isConfirmed: false),
                ],
            }));

        var session = await emulator.SignInSessionAsync("carol");

        var user = session.GetProperty("user");
        user.Text("email").Should().Be("last@example.com");
        user.GetProperty("user_metadata").GetProperty("email_verified").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task SignIn_PrimaryOnSecondPage_IsNotSeen()
    {
        var emails = Enumerable.Range(1, 10).Select(i => new EmulatorEmail($"old{i}@example.com")).ToList();
        emails.Add(new EmulatorEmail("main@example.com", isPrimary: true));
        await using var emulator = await TestEmulator.StartAsync(options => options.Accounts.Add(
            new EmulatorAccount("dave", "Dave Okafor") { Emails = emails }));

        var session = await emulator.SignInSessionAsync("dave");

        session.GetProperty("user").Text("email").Should().Be("old10@example.com");
    }

    [Test]
    public async Task SignIn_SameAccountTwice_KeepsOneUser()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var first = await emulator.SignInSessionAsync("alice");
        var second = await emulator.SignInSessionAsync("alice");

        second.GetProperty("user").Text("id").Should().Be(first.GetProperty("user").Text("id"));
        second.GetProperty("user").Text("created_at").Should().Be(first.GetProperty("user").Text("created_at"));
    }

    [Test]
    public async Task SignIn_User_HasSupabaseUserShape()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var alice = emulator.Server.Accounts.Single(a => a.Username == "alice");

        var user = (await emulator.SignInSessionAsync("alice")).GetProperty("user");

        Guid.TryParse(user.Text("id"), out _).Should().BeTrue();
        user.Text("aud").Should().Be("authenticated");
        user.Text("role").Should().Be("authenticated");
        user.Text("phone").Should().BeEmpty();
        user.GetProperty("is_anonymous").GetBoolean().Should().BeFalse();
        foreach (var name in new[] { "email_confirmed_at", "last_sign_in_at", "created_at", "updated_at" })
        {
            DateTimeOffset.TryParse(user.Text(name), out _).Should().BeTrue(name);
        }

        var appMetadata = user.GetProperty("app_metadata");
        appMetadata.Text("provider").Should().Be("bitbucket");
        appMetadata.GetProperty("providers").EnumerateArray().Select(p => p.GetString()).Should().Equal("bitbucket");
        var identity = user.GetProperty("identities").EnumerateArray().Single();
        identity.Text("id").Should().Be(alice.Uuid);
        identity.Text("user_id").Should().Be(user.Text("id"));
        identity.Text("provider").Should().Be("bitbucket");
        identity.Text("email").Should().Be("alice@example.com");
        Guid.TryParse(identity.Text("identity_id"), out _).Should().BeTrue();
        identity.GetProperty("identity_data").ValueKind.Should().Be(JsonValueKind.Object);
    }
}
