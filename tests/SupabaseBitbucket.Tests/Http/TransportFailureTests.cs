using System.Net;
using SupabaseBitbucket.Tests.Errors;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Http;

/// <summary>Calls that get no usable response: timeouts, the caller's cancellation and failed connections.</summary>
public class TransportFailureTests
{
    [TestCase(SupabaseAuthOperations.RefreshSession, true)]
    [TestCase(SupabaseAuthOperations.GetUser, true)]
    [TestCase(SupabaseAuthOperations.SignOut, true)]
    [TestCase(SupabaseAuthOperations.ExchangeCode, false)]
    public async Task Call_ServerTooSlow_ThrowsRequestTimeout(string operation, bool retryable)
    {
        using var host = new AuthTestHost(options => options.HttpTimeout = TimeSpan.FromSeconds(3));
        var entered = HangUntilCanceled(host.Handler);

        var call = ServerErrorTests.CallExpectingFailure(host, operation);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        host.Time.Advance(TimeSpan.FromSeconds(3));
        var exception = await call.WaitAsync(TimeSpan.FromSeconds(2));

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.RequestTimeout);
        exception.StatusCode.Should().BeNull();
        exception.IsRetryable.Should().Be(retryable);
        exception.Operation.Should().Be(operation);
        exception.Message.Should().Contain("timed out after 3 s");
        exception.InnerException.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Test]
    public async Task RefreshSessionAsync_JustUnderTimeout_Succeeds()
    {
        using var host = new AuthTestHost(options => options.HttpTimeout = TimeSpan.FromSeconds(3));
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        host.Handler.Respond = async (_, cancellationToken) =>
        {
            entered.SetResult();
            await release.Task.WaitAsync(cancellationToken);
            return Responses.Json(200, SampleResponses.RefreshWithoutExpiresAt);
        };

        var call = host.Service.RefreshSessionAsync("refresh");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        host.Time.Advance(TimeSpan.FromSeconds(2.9));
        release.SetResult();
        var session = await call.WaitAsync(TimeSpan.FromSeconds(10));

        session.RefreshToken.Should().Be(SampleResponses.RefreshToken);
    }

    [Test]
    public async Task RefreshSessionAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var host = new AuthTestHost();
        var entered = HangUntilCanceled(host.Handler);
        using var cancellation = new CancellationTokenSource();

        var call = host.Service.RefreshSessionAsync("refresh", cancellation.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        var act = () => call.WaitAsync(TimeSpan.FromSeconds(10));

        var exception = (await act.Should().ThrowAsync<OperationCanceledException>()).Which;
        exception.CancellationToken.Should().Be(cancellation.Token);
    }

    [Test]
    public async Task ExchangeCodeAsync_AlreadyCanceled_ThrowsOperationCanceled()
    {
        using var host = new AuthTestHost();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => host.Service.ExchangeCodeAsync("code", "verifier", cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [TestCase(SupabaseAuthOperations.RefreshSession, true)]
    [TestCase(SupabaseAuthOperations.GetUser, true)]
    [TestCase(SupabaseAuthOperations.SignOut, true)]
    [TestCase(SupabaseAuthOperations.ExchangeCode, false)]
    public async Task Call_ConnectionRefused_ThrowsConnectionFailed(string operation, bool retryable)
    {
        using var host = new AuthTestHost();
        var cause = new HttpRequestException(
            HttpRequestError.ConnectionError, "Connection refused (abcdefghijklmnop.supabase.co:443)");
        host.Handler.Respond = (_, _) => throw cause;

        var exception = await ServerErrorTests.CallExpectingFailure(host, operation);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.ConnectionFailed);
        exception.StatusCode.Should().BeNull();
        exception.IsRetryable.Should().Be(retryable);
        exception.InnerException.Should().BeSameAs(cause);
    }

    [Test]
    public async Task GetUserAsync_ConnectionBreaksDuringBody_ThrowsConnectionFailed()
    {
        using var host = new AuthTestHost();
        host.Handler.RespondWith(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new BrokenStream()),
        });

        var exception = await ServerErrorTests.CallExpectingFailure(host, SupabaseAuthOperations.GetUser);

        exception.ErrorCode.Should().Be(SupabaseAuthErrorCodes.ConnectionFailed);
        exception.IsRetryable.Should().BeTrue();
        exception.InnerException.Should().BeOfType<IOException>();
    }

    [Test]
    public async Task GetUserAsync_HandlerThrowsOtherException_PropagatesIt()
    {
        using var host = new AuthTestHost();
        host.Handler.Respond = (_, _) => throw new InvalidOperationException("handler bug");

        var act = () => host.Service.GetUserAsync(SampleResponses.AccessToken);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("handler bug");
    }

    private static TaskCompletionSource HangUntilCanceled(RecordingHandler handler)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        handler.Respond = async (_, cancellationToken) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("The delay ended without cancellation.");
        };
        return entered;
    }

    /// <summary>A body stream whose first read fails as a reset connection does.</summary>
    private sealed class BrokenStream : MemoryStream
    {
        public override bool CanSeek => false;

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => throw new IOException("Connection reset by peer");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => throw new IOException("Connection reset by peer");
    }
}
