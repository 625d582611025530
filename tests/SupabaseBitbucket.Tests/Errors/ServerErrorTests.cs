using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Errors;

/// <summary>
/// The documented error responses of the code exchange, refresh and user calls, in each body shape the server
/// sends.
/// </summary>
public class ServerErrorTests
{
    private static readonly object[] DocumentedErrors =
    [
        new object[] { SupabaseAuthOperations.ExchangeCode, 400, "validation_failed",
            "invalid request: both auth code and code verifier should be non-empty" },
        new object[] { SupabaseAuthOperations.ExchangeCode, 404, "flow_state_not_found",
            "invalid flow state, no valid flow state found" },
        new object[] { SupabaseAuthOperations.ExchangeCode, 422, "flow_state_expired",
            "invalid flow state, flow state has expired" },
        new object[] { SupabaseAuthOperations.ExchangeCode, 400, "bad_code_verifier",
            "code challenge does not match previously saved code verifier" },
        new object[] { SupabaseAuthOperations.ExchangeCode, 400, "bad_json", "Could not parse request body as JSON" },
        new object[] { SupabaseAuthOperations.ExchangeCode, 400, "invalid_credentials", "unsupported_grant_type" },
        new object[] { SupabaseAuthOperations.RefreshSession, 400, "refresh_token_already_used",
            "Invalid Refresh Token: Already Used" },
        new object[] { SupabaseAuthOperations.RefreshSession, 400, "refresh_token_not_found",
            "Invalid Refresh Token: Refresh Token Not Found" },
        new object[] { SupabaseAuthOperations.RefreshSession, 400, "session_not_found", "Session not found" },
        new object[] { SupabaseAuthOperations.RefreshSession, 400, "session_expired", "Session expired" },
        new object[] { SupabaseAuthOperations.GetUser, 401, "no_authorization",
            "This endpoint requires a valid Bearer token" },
        new object[] { SupabaseAuthOperations.GetUser, 403, "bad_jwt",
            "invalid JWT: unable to parse or verify signature" },
        new object[] { SupabaseAuthOperations.GetUser, 403, "session_not_found",
            "Session from session_id claim in JWT does not exist" },
    ];

    [TestCaseSource(nameof(DocumentedErrors))]
    public async Task Call_ModernErrorBody_MapsStatusCodeAndMessage(
        string operation, int status, string code, string message)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(status, SampleResponses.ModernError(code, message));

        var exception = await CallExpectingFailure(host, operation);

        AssertServerError(exception, operation, status, code, message);
    }

    [TestCaseSource(nameof(DocumentedErrors))]
    public async Task Call_LegacyErrorBody_MapsStatusCodeAndMessage(
        string operation, int status, string code, string message)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(status, SampleResponses.LegacyError(status, code, message));

        var exception = await CallExpectingFailure(host, operation);

        AssertServerError(exception, operation, status, code, message);
    }

    [TestCase(SupabaseAuthOperations.ExchangeCode, "invalid_grant", "Invalid code")]
    [TestCase(SupabaseAuthOperations.RefreshSession, "invalid_grant", "Invalid Refresh Token: Already Used")]
    [TestCase(SupabaseAuthOperations.GetUser, "invalid_request", "missing token")]
    public async Task Call_OAuthErrorBody_MapsErrorAndDescription(string operation, string error, string description)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(400, SampleResponses.OAuthError(error, description));

        var exception = await CallExpectingFailure(host, operation);

        AssertServerError(exception, operation, 400, error, description);
    }

    [Test]
    public async Task RefreshSessionAsync_CodeOnlyInHeader_TakesHeaderCode()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            400,
            """{"code":400,"msg":"Invalid Refresh Token: Already Used"}""",
            response => response.Headers.Add("x-sb-error-code", "refresh_token_already_used"));

        var exception = await CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.ErrorCode.Should().Be("refresh_token_already_used");
        exception.ServerMessage.Should().Be("Invalid Refresh Token: Already Used");
    }

    [Test]
    public async Task RefreshSessionAsync_BodyAndHeaderCodes_PrefersBody()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            400,
            SampleResponses.ModernError("session_expired", "Session expired"),
            response => response.Headers.Add("x-sb-error-code", "other_code"));

        var exception = await CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.ErrorCode.Should().Be("session_expired");
    }

    [TestCase("""{"msg":"from msg","message":"from message","error_description":"d","error":"e"}""", "from msg")]
    [TestCase("""{"message":"from message","error_description":"d","error":"e"}""", "from message")]
    [TestCase("""{"error_description":"from description","error":"e"}""", "from description")]
    [TestCase("""{"error":"only_error"}""", "only_error")]
    [TestCase("""{"code":"c","msg":42,"message":"from message"}""", "from message")]
    public async Task GetUserAsync_SeveralMessageFields_TakesFirstString(string json, string expected)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(400, json);

        var exception = await CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ServerMessage.Should().Be(expected);
    }

    [Test]
    public async Task GetUserAsync_CodeWithoutMessage_MapsCode()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(403, """{"code":"bad_jwt"}""");

        var exception = await CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ErrorCode.Should().Be("bad_jwt");
        exception.ServerMessage.Should().BeNull();
        exception.Message.Should().Be("Supabase Auth user request failed with HTTP 403 (bad_jwt).");
    }

    [Test]
    public async Task GetUserAsync_LongServerMessage_CutsMessage()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(400, SampleResponses.ModernError("bad_jwt", new string('x', 2000)));

        var exception = await CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ServerMessage.Should().HaveLength(503).And.EndWith("...");
    }

    private static void AssertServerError(
        SupabaseAuthException exception, string operation, int status, string code, string message)
    {
        exception.Operation.Should().Be(operation);
        exception.StatusCode.Should().Be(status);
        exception.ErrorCode.Should().Be(code);
        exception.ServerMessage.Should().Be(message);
        exception.IsRetryable.Should().BeFalse();
        exception.RetryAfter.Should().BeNull();
        exception.Message.Should().Contain($"HTTP {status} ({code}): {message}");
    }

    internal static async Task<SupabaseAuthException> CallExpectingFailure(AuthTestHost host, string operation)
    {
        Func<Task> act = operation switch
        {
            SupabaseAuthOperations.ExchangeCode => () => host.Service.ExchangeCodeAsync("code", "verifier"),
            SupabaseAuthOperations.RefreshSession => () => host.Service.RefreshSessionAsync("refresh"),
            SupabaseAuthOperations.GetUser => () => host.Service.GetUserAsync(SampleResponses.AccessToken),
            SupabaseAuthOperations.SignOut => () => host.Service.SignOutAsync(SampleResponses.AccessToken),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
        return (await act.Should().ThrowAsync<SupabaseAuthException>()).Which;
    }
}
