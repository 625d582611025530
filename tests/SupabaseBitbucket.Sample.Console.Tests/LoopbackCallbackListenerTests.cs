using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SupabaseBitbucket.Sample.Console.Callback;

namespace SupabaseBitbucket.Sample.Console.Tests;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LoopbackCallbackListenerTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task CallbackWithCode_ReturnsCodeAndSuccessPage()
    {
        using var listener = LoopbackCallbackListener.Start();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var waiting = listener.WaitForCallbackAsync(timeout.Token);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(listener.CallbackUrl, "?code=abc%2Fdef&state=x"));
        var result = await waiting;

        listener.CallbackUrl.Host.Should().Be("127.0.0.1");
        listener.CallbackUrl.AbsolutePath.Should().Be("/callback");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Contain("You can close this tab");
        result.Succeeded.Should().BeTrue();
        result.Code.Should().Be("abc/def");
    }

    [Test]
    public async Task CallbackWithError_ReturnsErrorAndEncodedPage()
    {
        using var listener = LoopbackCallbackListener.Start();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var waiting = listener.WaitForCallbackAsync(timeout.Token);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(
            listener.CallbackUrl, "?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E+thanks"));
        var page = await response.Content.ReadAsStringAsync();
        var result = await waiting;

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("Sign-in failed");
        page.Should().Contain("&lt;b&gt;no&lt;/b&gt; thanks");
        page.Should().NotContain("<b>no</b>");
        result.Succeeded.Should().BeFalse();
        result.Code.Should().BeNull();
        result.Error.Should().Be("access_denied");
        result.DescribeError().Should().Be("access_denied: <b>no</b> thanks");
    }

    [Test]
    public async Task CallbackWithoutCodeOrError_IsCodeMissing()
    {
        using var listener = LoopbackCallbackListener.Start();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var waiting = listener.WaitForCallbackAsync(timeout.Token);
        using var client = new HttpClient();

        using var response = await client.GetAsync(listener.CallbackUrl);
        var result = await waiting;

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        result.Succeeded.Should().BeFalse();
        result.Error.Should().Be("code_missing");
    }

    [Test]
    public async Task OtherPath_GetsNotFoundAndWaitContinues()
    {
        using var listener = LoopbackCallbackListener.Start();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var waiting = listener.WaitForCallbackAsync(timeout.Token);
        using var client = new HttpClient();

        using var favicon = await client.GetAsync(new Uri(listener.CallbackUrl, "/favicon.ico"));
        var stillWaiting = !waiting.IsCompleted;
        using var callback = await client.GetAsync(new Uri(listener.CallbackUrl, "?code=c1"));
        var result = await waiting;

        favicon.StatusCode.Should().Be(HttpStatusCode.NotFound);
        stillWaiting.Should().BeTrue();
        result.Code.Should().Be("c1");
    }

    [Test]
    public async Task PostRequest_IsRejectedAndWaitContinues()
    {
        using var listener = LoopbackCallbackListener.Start();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var waiting = listener.WaitForCallbackAsync(timeout.Token);
        using var client = new HttpClient();

        using var post = await client.PostAsync(new Uri(listener.CallbackUrl, "?code=forged"), new StringContent("x"));
        using var callback = await client.GetAsync(new Uri(listener.CallbackUrl, "?code=c2"));
        var result = await waiting;

        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        result.Code.Should().Be("c2");
    }

    [Test]
    public async Task IdleConnection_DelaysCallbackAtMostFiveSeconds()
    {
        using var listener = LoopbackCallbackListener.Start();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var waiting = listener.WaitForCallbackAsync(timeout.Token);
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, listener.CallbackUrl.Port);
        using var client = new HttpClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri(listener.CallbackUrl, "?code=c3"));
        var result = await waiting;

        result.Code.Should().Be("c3");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8));
    }

    [Test]
    public void Cancellation_EndsWait()
    {
        using var listener = LoopbackCallbackListener.Start();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var wait = () => listener.WaitForCallbackAsync(cancellation.Token);

        wait.Should().ThrowAsync<OperationCanceledException>().Wait(TestTimeout).Should().BeTrue();
    }
}
