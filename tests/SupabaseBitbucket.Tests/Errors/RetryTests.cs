using System.Net.Http.Headers;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Errors;

public class RetryTests
{
    [TestCase(429, true)]
    [TestCase(500, true)]
    [TestCase(501, true)]
    [TestCase(502, true)]
    [TestCase(503, true)]
    [TestCase(504, true)]
    [TestCase(520, true)]
    [TestCase(524, true)]
    [TestCase(530, true)]
    [TestCase(400, false)]
    [TestCase(401, false)]
    [TestCase(403, false)]
    [TestCase(404, false)]
    [TestCase(408, false)]
    [TestCase(422, false)]
    [TestCase(505, false)]
    [TestCase(511, false)]
    [TestCase(519, false)]
    [TestCase(531, false)]
    public async Task RefreshSessionAsync_Status_SetsIsRetryable(int status, bool expected)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(status, SampleResponses.ModernError("some_code", "Some message"));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.IsRetryable.Should().Be(expected);
        exception.StatusCode.Should().Be(status);
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    [TestCase(522)]
    public async Task ExchangeCodeAsync_ServerError_IsNotRetryable(int status)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(status, SampleResponses.ModernError("unexpected_failure", "Database error"));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.ExchangeCode);

        exception.IsRetryable.Should().BeFalse();
        exception.ErrorCode.Should().Be("unexpected_failure");
        exception.Message.Should().Contain("start a new sign-in");
    }

    [Test]
    public async Task ExchangeCodeAsync_RateLimited_IsRetryable()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            429, SampleResponses.ModernError("over_request_rate_limit", "Request rate limit reached"));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.ExchangeCode);

        exception.IsRetryable.Should().BeTrue();
        exception.Message.Should().NotContain("start a new sign-in");
    }

    [Test]
    public async Task RefreshSessionAsync_RetryAfterSeconds_SetsRetryAfter()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            429,
            SampleResponses.ModernError(SupabaseAuthErrorCodes.OverRequestRateLimit, "Request rate limit reached"),
            response => response.Headers.TryAddWithoutValidation("Retry-After", "30"));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.StatusCode.Should().Be(429);
        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.OverRequestRateLimit);
        exception.IsRetryable.Should().BeTrue();
        exception.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task RefreshSessionAsync_RetryAfterDate_SetsDelayFromNow()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            429,
            SampleResponses.ModernError(SupabaseAuthErrorCodes.OverRequestRateLimit, "Request rate limit reached"),
            response => response.Headers.TryAddWithoutValidation("Retry-After", "Thu, 15 Jan 2026 12:01:30 GMT"));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.RetryAfter.Should().Be(TimeSpan.FromSeconds(90));
    }

    [Test]
    public async Task RefreshSessionAsync_RetryAfterDateInPast_SetsZero()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            503,
            SampleResponses.ModernError("unexpected_failure", "Service unavailable"),
            response => response.Headers.RetryAfter = new RetryConditionHeaderValue(AuthTestHost.Now.AddHours(-1)));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.RetryAfter.Should().Be(TimeSpan.Zero);
        exception.IsRetryable.Should().BeTrue();
    }

    [TestCase("soon")]
    [TestCase("-5")]
    public async Task RefreshSessionAsync_InvalidRetryAfter_LeavesNull(string value)
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWithJson(
            429,
            SampleResponses.ModernError(SupabaseAuthErrorCodes.OverRequestRateLimit, "Request rate limit reached"),
            response => response.Headers.TryAddWithoutValidation("Retry-After", value));

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.RetryAfter.Should().BeNull();
    }

    [Test]
    public async Task RefreshSessionAsync_HtmlGatewayErrorWithRetryAfter_KeepsRetryAfter()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() =>
        {
            var response = Responses.Text(503, "<html>down</html>", "text/html");
            response.Headers.TryAddWithoutValidation("Retry-After", "120");
            return response;
        });

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.RefreshSession);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.InvalidResponse);
        exception.IsRetryable.Should().BeTrue();
        exception.RetryAfter.Should().Be(TimeSpan.FromMinutes(2));
    }
}
