using System.Text.Json.Nodes;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Sessions;

public class SessionParsingTests
{
    [Test]
    public async Task ExchangeCodeAsync_FullResponse_MapsSession()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.Exchange);

        var session = await host.Service.ExchangeCodeAsync("code", "verifier");

        session.AccessToken.Should().Be(SampleResponses.AccessToken);
        session.TokenType.Should().Be("bearer");
        session.ExpiresIn.Should().Be(3600);
        session.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(SampleResponses.ExpiresAt));
        session.RefreshToken.Should().Be(SampleResponses.RefreshToken);
        session.ProviderToken.Should().Be(SampleResponses.ProviderToken);
        session.ProviderRefreshToken.Should().Be(SampleResponses.ProviderRefreshToken);
        session.User!.Id.Should().Be(SampleResponses.UserId);
    }

    [Test]
    public async Task ExchangeCodeAsync_FullResponse_MapsUser()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.Exchange);

        var user = (await host.Service.ExchangeCodeAsync("code", "verifier")).User!;

        user.Id.Should().Be(SampleResponses.UserId);
        user.Email.Should().Be("ada@example.com");
        user.Phone.Should().BeNull("the server sends an empty string for a user without a phone");
        user.Role.Should().Be("authenticated");
        user.Audience.Should().Be("authenticated");
        user.EmailConfirmedAt.Should().Be(new DateTimeOffset(2026, 1, 10, 9, 30, 0, TimeSpan.Zero).AddTicks(1234560));
        user.ConfirmedAt.Should().Be(user.EmailConfirmedAt);
        user.LastSignInAt.Should().Be(new DateTimeOffset(2026, 1, 15, 11, 59, 58, TimeSpan.Zero).AddTicks(9876543));
        user.CreatedAt.Should().Be(user.EmailConfirmedAt);
        user.UpdatedAt.Should().Be(new DateTimeOffset(2026, 1, 15, 11, 59, 59, TimeSpan.Zero).AddTicks(10));
        user.IsAnonymous.Should().BeFalse();
        user.AppMetadata.Provider.Should().Be("bitbucket");
        user.AppMetadata.Providers.Should().Equal("bitbucket");
    }

    [Test]
    public async Task ExchangeCodeAsync_FullResponse_MapsUserMetadata()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.Exchange);

        var metadata = (await host.Service.ExchangeCodeAsync("code", "verifier")).User!.UserMetadata;

        metadata.Name.Should().Be("Ada Lovelace");
        metadata.FullName.Should().Be("Ada Lovelace");
        metadata.AvatarUrl.Should().BeNull("Supabase Auth sends empty avatar fields for Bitbucket users");
        metadata.UserName.Should().BeNull();
        metadata.Email.Should().Be("ada@example.com");
        metadata.EmailVerified.Should().BeTrue();
        metadata.ProviderId.Should().Be("{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}");
        metadata.Subject.Should().Be("{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}");
        metadata.Raw.Keys.Should().BeEquivalentTo(
            "avatar_url", "email", "email_verified", "full_name", "iss", "name", "picture", "provider_id", "sub");
        metadata.Raw["iss"].GetString().Should().Be("https://api.bitbucket.org/2.0");
    }

    [Test]
    public async Task ExchangeCodeAsync_FullResponse_MapsIdentity()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.Exchange);

        var identities = (await host.Service.ExchangeCodeAsync("code", "verifier")).User!.Identities;

        var identity = identities.Should().ContainSingle().Subject;
        identity.IdentityId.Should().Be("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
        identity.Id.Should().Be("{0b7c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4}");
        identity.UserId.Should().Be(SampleResponses.UserId);
        identity.Provider.Should().Be("bitbucket");
        identity.Email.Should().Be("ada@example.com");
        identity.IdentityData["full_name"].GetString().Should().Be("Ada Lovelace");
        identity.IdentityData["email_verified"].GetBoolean().Should().BeTrue();
        identity.LastSignInAt.Should().Be(new DateTimeOffset(2026, 1, 15, 11, 59, 58, TimeSpan.Zero).AddTicks(9876540));
        identity.CreatedAt.Should().Be(new DateTimeOffset(2026, 1, 10, 9, 30, 0, TimeSpan.Zero).AddTicks(1234560));
        identity.UpdatedAt.Should().Be(identity.LastSignInAt);
    }

    [Test]
    public async Task RefreshSessionAsync_NoExpiresAt_ComputesFromTimeProvider()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.RefreshWithoutExpiresAt);
        host.Time.Advance(TimeSpan.FromMinutes(7));

        var session = await host.Service.RefreshSessionAsync("refresh");

        session.ExpiresAt.Should().Be(AuthTestHost.Now.AddMinutes(7).AddSeconds(3600));
    }

    [Test]
    public async Task RefreshSessionAsync_NoProviderTokens_LeavesThemNull()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.RefreshWithoutExpiresAt);

        var session = await host.Service.RefreshSessionAsync("refresh");

        session.ProviderToken.Should().BeNull();
        session.ProviderRefreshToken.Should().BeNull();
        session.User.Should().NotBeNull();
    }

    [Test]
    public async Task ExchangeCodeAsync_NoUser_ReturnsSessionWithoutUser()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, WithoutField(SampleResponses.Exchange, "user"));

        var session = await host.Service.ExchangeCodeAsync("code", "verifier");

        session.User.Should().BeNull();
        session.AccessToken.Should().Be(SampleResponses.AccessToken);
    }

    [TestCase("access_token")]
    [TestCase("refresh_token")]
    [TestCase("expires_in")]
    public async Task ExchangeCodeAsync_MissingSessionField_ThrowsInvalidResponse(string field)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, WithoutField(SampleResponses.Exchange, field));

        var act = () => host.Service.ExchangeCodeAsync("code", "verifier");

        var exception = (await act.Should().ThrowAsync<SupabaseAuthException>()).Which;
        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.StatusCode.Should().Be(200);
        exception.IsRetryable.Should().BeFalse();
        exception.Operation.Should().Be(SupabaseAuthOperations.ExchangeCode);
        exception.Message.Should().Contain("has no " + field);
    }

    [TestCase("""{"access_token":"","refresh_token":"r","expires_in":3600}""", "access_token")]
    [TestCase("""{"access_token":"a","refresh_token":"","expires_in":3600}""", "refresh_token")]
    [TestCase("""{"access_token":"a","refresh_token":"r","expires_in":null}""", "expires_in")]
    [TestCase("""{"user":{"id":"u"}}""", "access_token, refresh_token, expires_in")]
    [TestCase("{}", "access_token, refresh_token, expires_in")]
    [TestCase("null", "access_token, refresh_token, expires_in")]
    public async Task RefreshSessionAsync_EmptySessionField_ThrowsInvalidResponse(string json, string missing)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, json);

        var act = () => host.Service.RefreshSessionAsync("refresh");

        var exception = (await act.Should().ThrowAsync<SupabaseAuthException>()).Which;
        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.Message.Should().Contain("has no " + missing + ".");
    }

    [Test]
    public async Task GetUserAsync_UserObject_MapsUser()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, SampleResponses.User);

        var user = await host.Service.GetUserAsync(SampleResponses.AccessToken);

        user.Id.Should().Be(SampleResponses.UserId);
        user.Email.Should().Be("ada@example.com");
        user.Identities.Should().ContainSingle().Which.Provider.Should().Be("bitbucket");
    }

    [TestCase("{}")]
    [TestCase("""{"id":""}""")]
    [TestCase("""{"email":"ada@example.com"}""")]
    public async Task GetUserAsync_NoId_ThrowsInvalidResponse(string json)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, json);

        var act = () => host.Service.GetUserAsync(SampleResponses.AccessToken);

        var exception = (await act.Should().ThrowAsync<SupabaseAuthException>()).Which;
        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.Operation.Should().Be(SupabaseAuthOperations.GetUser);
        exception.Message.Should().Contain("has no id");
    }

    [Test]
    public async Task GetUserAsync_MinimalUser_UsesEmptyDefaults()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, """{"id":"u-1"}""");

        var user = await host.Service.GetUserAsync(SampleResponses.AccessToken);

        user.Email.Should().BeNull();
        user.IsAnonymous.Should().BeFalse();
        user.AppMetadata.Provider.Should().BeNull();
        user.AppMetadata.Providers.Should().BeEmpty();
        user.UserMetadata.Raw.Should().BeEmpty();
        user.Identities.Should().BeEmpty();
    }

    [Test]
    public async Task GetUserAsync_AnonymousUser_ReadsFlag()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, """{"id":"u-1","is_anonymous":true}""");

        var user = await host.Service.GetUserAsync(SampleResponses.AccessToken);

        user.IsAnonymous.Should().BeTrue();
    }

    [TestCase("""{"avatar_url":"https://a/1.png","picture":"https://p/2.png"}""", "https://a/1.png")]
    [TestCase("""{"avatar_url":"","picture":"https://p/2.png"}""", "https://p/2.png")]
    [TestCase("""{"picture":"https://p/2.png"}""", "https://p/2.png")]
    [TestCase("""{"avatar_url":"","picture":""}""", null)]
    [TestCase("""{"avatar_url":42}""", null)]
    [TestCase("{}", null)]
    public async Task GetUserAsync_AvatarFields_PicksFirstNonEmpty(string metadata, string? expected)
    {
        var user = await GetUserWithMetadata(metadata);

        user.UserMetadata.AvatarUrl.Should().Be(expected);
    }

    [TestCase("""{"user_name":"ada","preferred_username":"al","nickname":"nick"}""", "ada")]
    [TestCase("""{"preferred_username":"al","nickname":"nick"}""", "al")]
    [TestCase("""{"user_name":"","nickname":"nick"}""", "nick")]
    [TestCase("""{"nickname":"nick"}""", "nick")]
    [TestCase("{}", null)]
    public async Task GetUserAsync_UserNameFields_PicksFirstNonEmpty(string metadata, string? expected)
    {
        var user = await GetUserWithMetadata(metadata);

        user.UserMetadata.UserName.Should().Be(expected);
    }

    [TestCase("""{"email_verified":true}""", true)]
    [TestCase("""{"email_verified":false}""", false)]
    [TestCase("""{"email_verified":"true"}""", null)]
    [TestCase("{}", null)]
    public async Task GetUserAsync_EmailVerified_ReadsOnlyBooleans(string metadata, bool? expected)
    {
        var user = await GetUserWithMetadata(metadata);

        user.UserMetadata.EmailVerified.Should().Be(expected);
    }

    [Test]
    public void ToString_Session_LeavesOutTokens()
    {
        var session = new Session
        {
            AccessToken = "access-secret",
            RefreshToken = "refresh-secret",
            ProviderToken = "provider-secret",
            ProviderRefreshToken = "provider-refresh-secret",
            User = new SupabaseUser { Id = "u-1", Email = "ada@example.com" },
        };

        var text = session.ToString();

        text.Should().Contain("u-1");
        text.Should().NotContain("secret");
        text.Should().NotContain("ada@example.com");
    }

    private static async Task<SupabaseUser> GetUserWithMetadata(string metadata)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(200, $$"""{"id":"u-1","user_metadata":{{metadata}}}""");
        return await host.Service.GetUserAsync(SampleResponses.AccessToken);
    }

    private static string WithoutField(string json, string field)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(field).Should().BeTrue();
        return node.ToJsonString();
    }
}
