using SupabaseBitbucket.ConformanceTests.Infrastructure;
using SupabaseBitbucket.ConformanceTests.JavaScript;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.ConformanceTests.Interop;

/// <summary>
/// A session made by one client is used and ended by the other, through the emulator: both clients and the
/// emulator must agree on every token and on the errors an ended session gets.
/// </summary>
public class SessionInteropTests
{
    private const string RedirectTo = "http://127.0.0.1:3000/auth/callback";

    private SupabaseAuthEmulator _emulator = null!;
    private AuthJs _authJs = null!;
    private DotNetClient _client = null!;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        await NodeScripts.EnsureInstalledAsync();
        _emulator = await SupabaseAuthEmulator.StartAsync(new SupabaseAuthEmulatorOptions { AutoConsent = "first" });
        var supabaseUrl = _emulator.Url.GetLeftPart(UriPartial.Authority);
        _authJs = new AuthJs(supabaseUrl, _emulator.PublishableKey);
        _client = new DotNetClient(supabaseUrl, _emulator.PublishableKey);
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    [Test]
    public async Task AuthJsSession_SignedOutByDotNet_IsGone()
    {
        var flows = await _authJs.SignInThroughServerAsync(RedirectTo, count: 1, exchange: true);
        var flow = flows.Single();
        flow.Error.Should().BeNull("auth-js should exchange the emulator's code");
        var theirs = flow.Session!;

        var user = await _client.SignIn.GetUserAsync(theirs.AccessToken);
        var refreshed = await _client.SignIn.RefreshSessionAsync(theirs.RefreshToken);
        await _client.SignIn.SignOutAsync(refreshed.AccessToken, SignOutScope.Global);
        var afterSignOut = await _authJs.CallAsync(
            NodeCall.GetUser(theirs.AccessToken),
            NodeCall.Refresh(theirs.RefreshToken),
            NodeCall.Refresh(refreshed.RefreshToken));

        theirs.TokenType.Should().Be("bearer");
        theirs.ExpiresAt.Should().NotBeNull();
        theirs.ProviderToken.Should().NotBeNullOrEmpty("the exchange carries the Bitbucket token");
        user.Id.Should().Be(theirs.UserId);
        user.Email.Should().Be(theirs.Email);
        refreshed.User!.Id.Should().Be(theirs.UserId);
        refreshed.RefreshToken.Should().NotBe(theirs.RefreshToken, "the server rotates refresh tokens");
        refreshed.ProviderToken.Should().BeNull("a refresh response carries no Bitbucket token");
        ShouldHaveFailed(afterSignOut[0], "getUser with the old access token", 403, "session_not_found");
        ShouldHaveFailed(afterSignOut[1], "refresh with auth-js's refresh token", 400, "refresh_token_not_found");
        ShouldHaveFailed(afterSignOut[2], "refresh with the .NET refresh token", 400, "refresh_token_not_found");
    }

    [Test]
    public async Task DotNetSession_SignedOutByAuthJs_IsGone()
    {
        var ours = await DotNetSignIn.SignInAsync(_client.SignIn, RedirectTo);

        var results = await _authJs.CallAsync(
            NodeCall.GetUser(ours.AccessToken),
            NodeCall.SignOut(ours.AccessToken, "global"));
        var getUser = () => _client.SignIn.GetUserAsync(ours.AccessToken);
        var refresh = () => _client.SignIn.RefreshSessionAsync(ours.RefreshToken);

        ours.ProviderToken.Should().NotBeNullOrEmpty("the exchange carries the Bitbucket token");
        results[0].Error.Should().BeNull("auth-js getUser should accept the .NET client's access token");
        results[0].User!.Value.GetProperty("id").GetString().Should().Be(ours.User!.Id);
        results[0].User!.Value.GetProperty("email").GetString().Should().Be(ours.User.Email);
        results[1].Error.Should().BeNull("auth-js signOut should end the .NET client's session");
        results[1].Responses.Select(response => response.Status).Should().Equal([204]);
        var getUserFailure = (await getUser.Should().ThrowAsync<SupabaseAuthException>()).Which;
        getUserFailure.StatusCode.Should().Be(403);
        getUserFailure.ErrorCode.Should().Be("session_not_found");
        var refreshFailure = (await refresh.Should().ThrowAsync<SupabaseAuthException>()).Which;
        refreshFailure.StatusCode.Should().Be(400);
        refreshFailure.ErrorCode.Should().Be("refresh_token_not_found");
    }

    [Test]
    public async Task SignOutScopes_AcrossClients_EndTheRightSessions()
    {
        var theirs = (await _authJs.SignInThroughServerAsync(RedirectTo, count: 1, exchange: true)).Single().Session!;
        var ours = await DotNetSignIn.SignInAsync(_client.SignIn, RedirectTo);

        var othersSignOut = await _authJs.CallAsync(NodeCall.SignOut(theirs.AccessToken, "others"));
        var userAfterOthers = await _client.SignIn.GetUserAsync(theirs.AccessToken);
        var ourUserAfterOthers = () => _client.SignIn.GetUserAsync(ours.AccessToken);
        var ourFailure = (await ourUserAfterOthers.Should().ThrowAsync<SupabaseAuthException>()).Which;
        await _client.SignIn.SignOutAsync(theirs.AccessToken, SignOutScope.Local);
        var afterLocal = await _authJs.CallAsync(NodeCall.GetUser(theirs.AccessToken));

        othersSignOut[0].Error.Should().BeNull("auth-js signOut with the others scope should succeed");
        userAfterOthers.Id.Should().Be(theirs.UserId, "the others scope keeps the session that signed out");
        ourFailure.StatusCode.Should().Be(403);
        ourFailure.ErrorCode.Should().Be("session_not_found");
        ShouldHaveFailed(afterLocal[0], "getUser after the local sign-out", 403, "session_not_found");
    }

    private static void ShouldHaveFailed(NodeCallResult result, string call, int status, string code)
    {
        result.Error.Should().NotBeNull($"auth-js {call} should return an error");
        result.Responses.Should().ContainSingle($"auth-js {call} should send one request");
        result.Responses[0].Status.Should().Be(status, call);
        result.Responses[0].Code.Should().Be(code, call);
    }
}
