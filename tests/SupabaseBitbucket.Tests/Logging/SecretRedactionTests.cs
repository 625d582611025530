using Microsoft.Extensions.Logging.Testing;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Logging;

/// <summary>
/// Runs every call, successful and failing, with recognizable secrets and checks that none of them reaches the
/// logs (every category, at every level) or an exception's message or ToString.
/// </summary>
public class SecretRedactionTests
{
    private const string Code = "AuthCodeSecret-7d1e";
    private const string Verifier = "CodeVerifierSecret-2b9c_abcdefghijklmnopqrstuvwxyz0123456789";
    private const string UserAccessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.UserAccessTokenSecret";
    private const string UserRefreshToken = "UserRefreshTokenSecret-4f0a";

    private static readonly string[] Secrets =
    [
        AuthTestHost.ApiKey,
        Code,
        Verifier,
        UserAccessToken,
        UserRefreshToken,
        SampleResponses.AccessToken,
        SampleResponses.RefreshToken,
        SampleResponses.ProviderToken,
        SampleResponses.ProviderRefreshToken,
    ];

    private static readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>[] Responders =
    [
        (request, _) => Task.FromResult(Responses.Json(200, SuccessBody(request))),
        (_, _) => Task.FromResult(Responses.Json(400, SampleResponses.ModernError("bad_jwt", "invalid JWT"))),
        (_, _) => Task.FromResult(Responses.Json(403, SampleResponses.ModernError("session_not_found", "gone"))),
        (_, _) => Task.FromResult(Responses.Json(500, SampleResponses.LegacyError(500, "unexpected_failure", "db"))),
        (_, _) => Task.FromResult(Responses.Text(502, "<html>Bad Gateway</html>", "text/html")),
        (_, _) => Task.FromResult(Responses.Json(200, """{"unexpected":true}""")),
        (_, _) => throw new HttpRequestException("Connection refused (abcdefghijklmnop.supabase.co:443)"),
        async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("The delay ended without cancellation.");
        },
    ];

    [Test]
    public async Task EveryCall_AnyOutcome_KeepsSecretsOutOfLogsAndExceptions()
    {
        using var host = new AuthTestHost(options => options.HttpTimeout = TimeSpan.FromSeconds(1));
        var texts = new List<string>();

        foreach (var responder in Responders)
        {
            host.Handler.Respond = responder;
            foreach (var call in Calls(host.Service))
            {
                texts.Add(await RunAsync(host, call));
            }
        }

        texts.AddRange(host.Logs.GetSnapshot().Select(Describe));
        host.Handler.Requests.Should().HaveCount(Responders.Length * 4);
        LibraryLogs(host).Should().HaveCountGreaterThanOrEqualTo(Responders.Length * 4);
        foreach (var secret in Secrets)
        {
            texts.Should().NotContain(text => text.Contains(secret, StringComparison.Ordinal), "secret {0}", secret);
        }
    }

    [Test]
    public async Task ExchangeCodeAsync_Success_LogsOperationStatusAndDuration()
    {
        using var host = new AuthTestHost();
        host.Handler.Respond = async (request, _) =>
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(250));
            return Responses.Json(200, SuccessBody(request));
        };

        await host.Service.ExchangeCodeAsync(Code, Verifier);

        var record = LibraryLogs(host).Should().ContainSingle().Subject;
        record.Id.Id.Should().Be(1);
        record.Id.Name.Should().Be("SupabaseAuthRequestSucceeded");
        record.Message.Should().Be("Supabase Auth exchange succeeded with HTTP 200 in 250 ms");
    }

    [Test]
    public async Task RefreshSessionAsync_Rejected_LogsStatusAndErrorCode()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(400, SampleResponses.ModernError("refresh_token_already_used", "Already Used"));

        await host.Service.Invoking(service => service.RefreshSessionAsync(UserRefreshToken))
            .Should().ThrowAsync<SupabaseAuthException>();

        var record = LibraryLogs(host).Should().ContainSingle().Subject;
        record.Id.Name.Should().Be("SupabaseAuthRequestRejected");
        record.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Information);
        record.Message.Should().Contain("refresh").And.Contain("HTTP 400").And.Contain("refresh_token_already_used");
    }

    [TestCase(503, "SupabaseAuthRequestFailed")]
    [TestCase(429, "SupabaseAuthRequestFailed")]
    public async Task GetUserAsync_RetryableStatus_LogsWarning(int status, string eventName)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(status, SampleResponses.ModernError("unexpected_failure", "later"));

        await host.Service.Invoking(service => service.GetUserAsync(UserAccessToken))
            .Should().ThrowAsync<SupabaseAuthException>();

        var record = LibraryLogs(host).Should().ContainSingle().Subject;
        record.Id.Name.Should().Be(eventName);
        record.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Test]
    public async Task GetUserAsync_HtmlBody_LogsInvalidResponseWithContentType()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() => Responses.Text(502, "<html/>", "text/html"));

        await host.Service.Invoking(service => service.GetUserAsync(UserAccessToken))
            .Should().ThrowAsync<SupabaseAuthException>();

        var record = LibraryLogs(host).Should().ContainSingle().Subject;
        record.Id.Name.Should().Be("SupabaseAuthInvalidResponse");
        record.Message.Should().Contain("HTTP 502").And.Contain("text/html");
    }

    [Test]
    public async Task GetUserAsync_ConnectionRefused_LogsWarningWithException()
    {
        using var host = new AuthTestHost();
        host.Handler.Respond = (_, _) => throw new HttpRequestException("Connection refused");

        await host.Service.Invoking(service => service.GetUserAsync(UserAccessToken))
            .Should().ThrowAsync<SupabaseAuthException>();

        var record = LibraryLogs(host).Should().ContainSingle().Subject;
        record.Id.Name.Should().Be("SupabaseAuthConnectionFailed");
        record.Exception.Should().BeOfType<HttpRequestException>();
    }

    private static IEnumerable<Func<Task>> Calls(ISignInService service)
    {
        yield return () => service.ExchangeCodeAsync(Code, Verifier);
        yield return () => service.RefreshSessionAsync(UserRefreshToken);
        yield return () => service.GetUserAsync(UserAccessToken);
        yield return () => service.SignOutAsync(UserAccessToken, SignOutScope.Others);
    }

    /// <summary>
    /// Runs a call to its end, advancing time so a hanging request times out, and returns the text of its result or
    /// exception.
    /// </summary>
    private static async Task<string> RunAsync(AuthTestHost host, Func<Task> call)
    {
        var task = call();
        while (!task.IsCompleted)
        {
            await Task.Delay(10);
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        try
        {
            await task;
            return task switch
            {
                Task<Session> session => session.Result + " " + session.Result.User,
                Task<SupabaseUser> user => user.Result.ToString(),
                _ => string.Empty,
            };
        }
        catch (SupabaseAuthException exception)
        {
            return exception.Message + "\n" + exception;
        }
    }

    private static string SuccessBody(RecordedRequest request)
    {
        return request.Url.AbsolutePath.EndsWith("/user", StringComparison.Ordinal)
            ? SampleResponses.User
            : SampleResponses.Exchange;
    }

    private static IEnumerable<FakeLogRecord> LibraryLogs(AuthTestHost host)
    {
        return host.Logs.GetSnapshot().Where(log => log.Category == "SupabaseBitbucket.SupabaseAuthClient");
    }

    private static string Describe(FakeLogRecord record)
    {
        var state = record.StructuredState is null
            ? string.Empty
            : string.Join(";", record.StructuredState.Select(pair => pair.Key + "=" + pair.Value));
        return $"{record.Category} {record.Level} {record.Message} {state} {record.Exception}";
    }
}
