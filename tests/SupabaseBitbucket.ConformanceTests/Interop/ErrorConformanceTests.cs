using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.ConformanceTests.Infrastructure;
using SupabaseBitbucket.ConformanceTests.JavaScript;
using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.ConformanceTests.Interop;

/// <summary>
/// Every error a client can cause, caused by each client against the emulator. The expected status and code are
/// those of Supabase Auth. auth-js must receive them, and the .NET client must raise them in
/// <see cref="SupabaseAuthException"/>.
/// </summary>
public class ErrorConformanceTests
{
    private const string RedirectTo = "http://127.0.0.1:3000/auth/callback";
    private const string OtherVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string InvalidScope = "everywhere";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<string> _names = [];
    private readonly List<NodeCall> _authJsCalls = [];
    private readonly Dictionary<string, Func<Task>> _dotNetCalls = [];
    private Dictionary<string, NodeCallResult> _authJsResults = [];
    private SupabaseAuthEmulator _emulator = null!;
    private DotNetClient _client = null!;
    private string _liveAccessToken = string.Empty;
    private Session[] _endedSessions = [];

    [OneTimeSetUp]
    public async Task CauseEveryError()
    {
        await NodeScripts.EnsureInstalledAsync();
        _emulator = await SupabaseAuthEmulator.StartAsync(
            new SupabaseAuthEmulatorOptions { AutoConsent = "first", TimeProvider = _clock });
        var supabaseUrl = _emulator.Url.GetLeftPart(UriPartial.Authority);
        _client = new DotNetClient(supabaseUrl, _emulator.PublishableKey);
        var signIn = _client.SignIn;

        // The clock moves 301 s past the flow lifetime, then 11 s past the refresh token reuse interval. Each state
        // is made before the move that must age it and after the moves that must not.
        await AddAsync("expired flow", async () =>
        {
            var (code, verifier) = await CodeAsync();
            return (NodeCall.Exchange(code, verifier), () => signIn.ExchangeCodeAsync(code, verifier));
        });
        _clock.Advance(TimeSpan.FromSeconds(301));

        await AddAsync("reused refresh token", async () =>
        {
            var revoked = await RevokedRefreshTokenAsync();
            return (NodeCall.Refresh(revoked), () => signIn.RefreshSessionAsync(revoked));
        });
        _clock.Advance(TimeSpan.FromSeconds(11));

        await AddAsync("wrong verifier", async () =>
        {
            var (code, _) = await CodeAsync();
            return (NodeCall.Exchange(code, OtherVerifier), () => signIn.ExchangeCodeAsync(code, OtherVerifier));
        });
        await AddAsync("unknown code", () =>
        {
            var code = Guid.NewGuid().ToString();
            return Task.FromResult<(NodeCall, Func<Task>)>(
                (NodeCall.Exchange(code, OtherVerifier), () => signIn.ExchangeCodeAsync(code, OtherVerifier)));
        });
        await AddAsync("used code", async () =>
        {
            var (code, verifier) = await CodeAsync();
            await signIn.ExchangeCodeAsync(code, verifier);
            return (NodeCall.Exchange(code, verifier), () => signIn.ExchangeCodeAsync(code, verifier));
        });
        await AddAsync("malformed refresh token", () => Task.FromResult<(NodeCall, Func<Task>)>(
            (NodeCall.Refresh("not-a-refresh-token"), () => signIn.RefreshSessionAsync("not-a-refresh-token"))));
        await AddAsync("unknown refresh token", () =>
        {
            var token = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
            return Task.FromResult<(NodeCall, Func<Task>)>(
                (NodeCall.Refresh(token), () => signIn.RefreshSessionAsync(token)));
        });
        await AddAsync("refresh after sign-out", async () =>
        {
            var session = await SignedOutSessionAsync();
            return (NodeCall.Refresh(session.RefreshToken), () => signIn.RefreshSessionAsync(session.RefreshToken));
        });
        await AddAsync("user after sign-out", async () =>
        {
            var session = await SignedOutSessionAsync();
            return (NodeCall.GetUser(session.AccessToken), () => signIn.GetUserAsync(session.AccessToken));
        });
        await AddAsync("forged access token", async () =>
        {
            var forged = Forge(await DotNetSignIn.SignInAsync(signIn, RedirectTo));
            return (NodeCall.GetUser(forged), () => signIn.GetUserAsync(forged));
        });

        var live = await DotNetSignIn.SignInAsync(signIn, RedirectTo);
        AddAuthJs("empty verifier", NodeCall.Exchange(Guid.NewGuid().ToString(), ""));
        AddAuthJs(
            "empty verifier, implicit flow",
            NodeCall.Exchange(Guid.NewGuid().ToString(), "") with { FlowType = "implicit" });
        AddAuthJs("invalid scope", NodeCall.SignOut(live.AccessToken, InvalidScope));
        AddAuthJs("invalid scope, raw request", NodeCall.RawSignOut(live.AccessToken, InvalidScope));
        _liveAccessToken = live.AccessToken;
        _endedSessions = [await SignedOutSessionAsync(), await SignedOutSessionAsync()];
        AddAuthJs("sign-out of an ended session", NodeCall.SignOut(_endedSessions[0].AccessToken, "global"));

        var authJs = new AuthJs(supabaseUrl, _emulator.PublishableKey);
        var results = await authJs.CallAsync([.. _authJsCalls]);
        _authJsResults = _names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second);
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

    [TestCase("wrong verifier", 400, "bad_code_verifier")]
    [TestCase("unknown code", 404, "flow_state_not_found")]
    [TestCase("used code", 404, "flow_state_not_found")]
    [TestCase("expired flow", 422, "flow_state_expired")]
    [TestCase("malformed refresh token", 400, "validation_failed")]
    [TestCase("unknown refresh token", 400, "refresh_token_not_found")]
    [TestCase("reused refresh token", 400, "refresh_token_already_used")]
    [TestCase("refresh after sign-out", 400, "refresh_token_not_found")]
    [TestCase("user after sign-out", 403, "session_not_found")]
    [TestCase("forged access token", 403, "bad_jwt")]
    public async Task ClientError_BothClients_MatchServer(string name, int status, string code)
    {
        var authJs = _authJsResults[name];

        var failure = (await _dotNetCalls[name].Should().ThrowAsync<SupabaseAuthException>()).Which;

        authJs.Error.Should().NotBeNull("auth-js should return an error");
        authJs.Responses.Should().ContainSingle("auth-js should send one request and not retry");
        authJs.Responses[0].Status.Should().Be(status, "the HTTP status auth-js received");
        authJs.Responses[0].Code.Should().Be(code, "the error code auth-js received");
        if (authJs.Error!.Name == "AuthApiError")
        {
            // auth-js reads "code" only from a response that echoes X-Supabase-Api-Version 2024-01-01 or later.
            authJs.Error.Code.Should().Be(code, "the error code auth-js read from the body");
        }

        failure.StatusCode.Should().Be(status, "the status of the .NET exception");
        failure.ErrorCode.Should().Be(code, "the error code of the .NET exception");
    }

    // NOTE: neither client sends an empty verifier, so the server's 400 validation_failed for one is checked
    // through auth-js's implicit-flow client, which sends whatever the storage holds.
    [Test]
    public async Task EmptyVerifier_BothClients_RejectBeforeSending()
    {
        var pkce = _authJsResults["empty verifier"];
        var implicitFlow = _authJsResults["empty verifier, implicit flow"];

        var exchange = () => _client.SignIn.ExchangeCodeAsync(Guid.NewGuid().ToString(), "");

        await exchange.Should().ThrowAsync<ArgumentException>();
        pkce.Error!.Name.Should().Be("AuthPKCECodeVerifierMissingError");
        pkce.Responses.Should().BeEmpty("auth-js should not send an exchange without a verifier");
        implicitFlow.Responses.Should().ContainSingle();
        implicitFlow.Responses[0].Status.Should().Be(400);
        implicitFlow.Responses[0].Code.Should().Be("validation_failed");
    }

    // NOTE: neither client sends a scope outside global, local and others, so the server's 400 validation_failed
    // for one is checked through the request helper that auth-js's own sign-out calls.
    [Test]
    public async Task InvalidScope_BothClients_RejectBeforeSending()
    {
        var signOut = _authJsResults["invalid scope"];
        var rawRequest = _authJsResults["invalid scope, raw request"];

        var dotNetSignOut = () => _client.SignIn.SignOutAsync(_liveAccessToken, (SignOutScope)42);

        await dotNetSignOut.Should().ThrowAsync<ArgumentOutOfRangeException>();
        signOut.Thrown.Should().Contain("scope", "auth-js should throw for a scope it does not know");
        signOut.Responses.Should().BeEmpty("auth-js should not send a sign-out with an unknown scope");
        rawRequest.Responses.Should().ContainSingle();
        rawRequest.Responses[0].Status.Should().Be(400);
        rawRequest.Responses[0].Code.Should().Be("validation_failed");
        rawRequest.Error!.Code.Should().Be("validation_failed");
    }

    [Test]
    public async Task SignOut_EndedSession_BothClientsSucceed()
    {
        var authJs = _authJsResults["sign-out of an ended session"];

        var dotNetSignOut = () => _client.SignIn.SignOutAsync(_endedSessions[1].AccessToken, SignOutScope.Global);

        await dotNetSignOut.Should().NotThrowAsync();
        authJs.Error.Should().BeNull("auth-js treats 401, 403 and 404 from /logout as already signed out");
        authJs.Responses.Should().ContainSingle();
        authJs.Responses[0].Status.Should().Be(403);
        authJs.Responses[0].Code.Should().Be("session_not_found");
    }

    private void AddAuthJs(string name, NodeCall call)
    {
        _names.Add(name);
        _authJsCalls.Add(call);
    }

    private async Task AddAsync(string name, Func<Task<(NodeCall AuthJs, Func<Task> DotNet)>> prepare)
    {
        // Each client gets its own state, because the first failure can change what the second would get.
        var (authJsCall, _) = await prepare();
        var (_, dotNetCall) = await prepare();
        AddAuthJs(name, authJsCall);
        _dotNetCalls.Add(name, dotNetCall);
    }

    private Task<(string Code, string CodeVerifier)> CodeAsync() => DotNetSignIn.GetCodeAsync(_client.SignIn, RedirectTo);

    /// <summary>
    /// Returns a refresh token that was rotated twice, so it is neither current nor the parent of the current one.
    /// Once the reuse interval has passed, the server rejects it as already used.
    /// </summary>
    private async Task<string> RevokedRefreshTokenAsync()
    {
        var session = await DotNetSignIn.SignInAsync(_client.SignIn, RedirectTo);
        var first = await _client.SignIn.RefreshSessionAsync(session.RefreshToken);
        await _client.SignIn.RefreshSessionAsync(first.RefreshToken);
        return session.RefreshToken;
    }

    /// <summary>
    /// Returns a session ended with the local scope. Every session here belongs to the same user, so a global
    /// sign-out would also end the sessions that other cases prepared.
    /// </summary>
    private async Task<Session> SignedOutSessionAsync()
    {
        var session = await DotNetSignIn.SignInAsync(_client.SignIn, RedirectTo);
        await _client.SignIn.SignOutAsync(session.AccessToken, SignOutScope.Local);
        return session;
    }

    /// <summary>Re-signs a real access token's header and claims with a key that is not the project's.</summary>
    private static string Forge(Session session)
    {
        var parts = session.AccessToken.Split('.');
        var signed = parts[0] + "." + parts[1];
        var signature = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("a-secret-that-is-not-the-project-secret!"), Encoding.ASCII.GetBytes(signed));
        return signed + "." + Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
