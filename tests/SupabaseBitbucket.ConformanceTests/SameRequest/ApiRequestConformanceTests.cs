using SupabaseBitbucket.ConformanceTests.Infrastructure;
using SupabaseBitbucket.ConformanceTests.JavaScript;
using SupabaseBitbucket.ConformanceTests.Recording;

namespace SupabaseBitbucket.ConformanceTests.SameRequest;

/// <summary>
/// Both clients make the same calls against a recording server. Each .NET request must equal the auth-js one.
/// </summary>
public class ApiRequestConformanceTests
{
    private const string Key = "sb_publishable_conformanceKey0123456789";
    private const string AuthCode = "4f9a6c1e-8b2d-4e7f-a3c5-9d0e1f2a3b4c";
    private const string CodeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static readonly string[] Calls =
        ["exchange", "refresh", "get user", "sign out global", "sign out local", "sign out others"];

    private readonly Dictionary<string, (RecordedRequest Ours, RecordedRequest Theirs)> _pairs = [];

    [OneTimeSetUp]
    public async Task RecordBothClients()
    {
        await NodeScripts.EnsureInstalledAsync();
        await using var server = await RecordingServer.StartAsync();

        var authJs = new AuthJs(server.Url, Key);
        var results = await authJs.CallAsync(
            NodeCall.Exchange(AuthCode, CodeVerifier),
            NodeCall.Refresh(CannedResponses.RefreshToken),
            NodeCall.GetUser(CannedResponses.AccessToken),
            NodeCall.SignOut(CannedResponses.AccessToken, "global"),
            NodeCall.SignOut(CannedResponses.AccessToken, "local"),
            NodeCall.SignOut(CannedResponses.AccessToken, "others"));
        var theirs = server.TakeRequests();
        for (var i = 0; i < results.Count; i++)
        {
            results[i].Error.Should().BeNull($"auth-js {Calls[i]} should succeed against the canned responses");
            results[i].Thrown.Should().BeNull($"auth-js {Calls[i]} should not throw");
        }

        using (var client = new DotNetClient(server.Url, Key))
        {
            await client.SignIn.ExchangeCodeAsync(AuthCode, CodeVerifier);
            await client.SignIn.RefreshSessionAsync(CannedResponses.RefreshToken);
            await client.SignIn.GetUserAsync(CannedResponses.AccessToken);
            await client.SignIn.SignOutAsync(CannedResponses.AccessToken, SignOutScope.Global);
            await client.SignIn.SignOutAsync(CannedResponses.AccessToken, SignOutScope.Local);
            await client.SignIn.SignOutAsync(CannedResponses.AccessToken, SignOutScope.Others);
        }

        var ours = server.TakeRequests();
        theirs.Should().HaveCount(Calls.Length, "auth-js sends one request per call");
        ours.Should().HaveCount(Calls.Length, "the .NET client sends one request per call");
        for (var i = 0; i < Calls.Length; i++)
        {
            _pairs[Calls[i]] = (ours[i], theirs[i]);
        }
    }

    [TestCase("exchange")]
    [TestCase("refresh")]
    [TestCase("get user")]
    [TestCase("sign out global")]
    [TestCase("sign out local")]
    [TestCase("sign out others")]
    public void Request_SameCall_MatchesAuthJs(string call)
    {
        var (ours, theirs) = _pairs[call];

        RequestComparison.ShouldMatch(ours, theirs, call);
    }

    [Test]
    public void Requests_EveryCall_CarryTheProtocolHeaders()
    {
        foreach (var (call, (ours, _)) in _pairs)
        {
            ours.Header("apikey").Should().Be(Key, call);
            ours.Header("X-Supabase-Api-Version").Should().Be("2024-01-01", call);
            ours.Header("X-Client-Info").Should().MatchRegex(@"^[a-z0-9-]+/\d+\.\d+\.\d+", call);
        }
    }
}
