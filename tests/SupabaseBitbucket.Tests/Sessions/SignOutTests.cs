using System.Net;
using SupabaseBitbucket.Tests.Errors;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Sessions;

public class SignOutTests
{
    [TestCase(HttpStatusCode.NoContent)]
    [TestCase(HttpStatusCode.OK)]
    public async Task SignOutAsync_Success_Completes(HttpStatusCode status)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() => new HttpResponseMessage(status));

        var act = () => host.Service.SignOutAsync(SampleResponses.AccessToken);

        await act.Should().NotThrowAsync();
        host.Handler.Requests.Should().ContainSingle();
    }

    [TestCase(401, """{"code":"no_authorization","message":"This endpoint requires a valid Bearer token"}""")]
    [TestCase(403, """{"code":"bad_jwt","message":"invalid JWT: token is expired"}""")]
    [TestCase(403, """{"code":"session_not_found","message":"Session not found"}""")]
    [TestCase(404, """{"code":"user_not_found","message":"User not found"}""")]
    [TestCase(404, "<html>Not Found</html>")]
    [TestCase(401, "")]
    public async Task SignOutAsync_SessionAlreadyEnded_Completes(int status, string body)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() => Responses.Text(status, body, "application/json"));

        var act = () => host.Service.SignOutAsync(SampleResponses.AccessToken);

        await act.Should().NotThrowAsync();
        host.Handler.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task SignOutAsync_SessionAlreadyEnded_LogsStatusAndCode()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(403, SampleResponses.ModernError("session_not_found", "Session not found"));

        await host.Service.SignOutAsync(SampleResponses.AccessToken);

        var record = host.Logs.GetSnapshot().Should()
            .ContainSingle(log => log.Id.Name == "SupabaseAuthSessionAlreadyEnded").Subject;
        record.Message.Should().Contain("HTTP 403").And.Contain("session_not_found");
    }

    [Test]
    public async Task SignOutAsync_ServerError_Throws()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(500, SampleResponses.ModernError("unexpected_failure", "Database error"));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.SignOut);

        exception.Operation.Should().Be(SupabaseAuthOperations.SignOut);
        exception.StatusCode.Should().Be(500);
        exception.ErrorCode.Should().Be("unexpected_failure");
        exception.IsRetryable.Should().BeTrue();
    }

    [Test]
    public async Task SignOutAsync_ValidationFailed_Throws()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            400, SampleResponses.ModernError("validation_failed", "Unsupported logout scope: x"));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.SignOut);

        exception.StatusCode.Should().Be(400);
        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.ValidationFailed);
        exception.IsRetryable.Should().BeFalse();
    }

    [TestCase(3)]
    [TestCase(-1)]
    public async Task SignOutAsync_UndefinedScope_ThrowsBeforeRequest(int scope)
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.SignOutAsync(SampleResponses.AccessToken, (SignOutScope)scope);

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("scope");
        host.Handler.Requests.Should().BeEmpty();
    }
}
