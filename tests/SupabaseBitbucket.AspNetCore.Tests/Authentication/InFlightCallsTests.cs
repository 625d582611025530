using SupabaseBitbucket.AspNetCore;

namespace SupabaseBitbucket.AspNetCore.Tests.Authentication;

public class InFlightCallsTests
{
    [Test]
    public async Task RunAsync_ConcurrentSameKey_RunsCallOnce()
    {
        var calls = new InFlightCalls<string>();
        var release = new TaskCompletionSource();
        var started = 0;

        var waiters = Enumerable.Range(0, 50).Select(_ => calls.RunAsync("key", async key =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
            return key + "-result";
        }, CancellationToken.None)).ToList();
        release.SetResult();
        var results = await Task.WhenAll(waiters);

        started.Should().Be(1);
        results.Should().OnlyContain(result => result == "key-result");
    }

    [Test]
    public async Task RunAsync_AfterResult_StartsNewCall()
    {
        var calls = new InFlightCalls<int>();
        var started = 0;

        await calls.RunAsync("key", _ => Task.FromResult(Interlocked.Increment(ref started)), CancellationToken.None);
        var second = await calls.RunAsync("key", _ => Task.FromResult(Interlocked.Increment(ref started)), CancellationToken.None);

        second.Should().Be(2);
    }

    [Test]
    public async Task RunAsync_WaiterCancels_SharedCallGoesOn()
    {
        var calls = new InFlightCalls<string>();
        var release = new TaskCompletionSource<string>();
        using var cancel = new CancellationTokenSource();

        var first = calls.RunAsync("key", _ => release.Task, CancellationToken.None);
        var second = calls.RunAsync("key", _ => Task.FromResult("unused"), cancel.Token);
        await cancel.CancelAsync();
        release.SetResult("done");

        await second.Invoking(task => task).Should().ThrowAsync<OperationCanceledException>();
        (await first).Should().Be("done");
    }

    [Test]
    public async Task RunAsync_CallCanceled_WaitersSeeCanceledTask()
    {
        var calls = new InFlightCalls<string>();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var task = calls.RunAsync("key", _ => Task.FromCanceled<string>(cancel.Token), CancellationToken.None);

        await task.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        task.IsCanceled.Should().BeTrue();
    }

    [Test]
    public async Task RunAsync_CallThrows_WaitersSeeExceptionAndKeyIsFreed()
    {
        var calls = new InFlightCalls<string>();

        var failed = calls.RunAsync("key", _ => throw new InvalidOperationException("boom"), CancellationToken.None);
        await failed.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>().WithMessage("boom");
        var next = await calls.RunAsync("key", _ => Task.FromResult("ok"), CancellationToken.None);

        next.Should().Be("ok");
    }
}
