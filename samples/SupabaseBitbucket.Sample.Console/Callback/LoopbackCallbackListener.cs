using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupabaseBitbucket.Sample.Console.Callback;

/// <summary>
/// Receives the sign-in callback on <c>http://127.0.0.1:&lt;random port&gt;/callback</c>, as command-line tools
/// do for OAuth: a minimal HTTP/1.1 server on a raw socket that responds to each request with a small page and closes
/// the connection.
/// </summary>
/// <remarks>
/// Supabase accepts a loopback IP address as a redirect target without a redirect allow-list entry, so the
/// random port needs no configuration. Connections are served one at a time, each with a short read timeout,
/// so a browser's idle pre-connection delays the callback by at most that timeout.
/// </remarks>
internal sealed class LoopbackCallbackListener : IDisposable
{
    public const string CallbackPath = "/callback";

    private const int MaxRequestHeadBytes = 16 * 1024;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly TcpListener listener;

    private LoopbackCallbackListener(TcpListener listener)
    {
        this.listener = listener;
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        CallbackUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{CallbackPath}"));
    }

    /// <summary>Gets the URL to pass as the sign-in's redirect target.</summary>
    public Uri CallbackUrl { get; }

    /// <summary>Starts listening on a port that the operating system picks.</summary>
    public static LoopbackCallbackListener Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new LoopbackCallbackListener(listener);
    }

    /// <summary>
    /// Serves requests until one reaches <see cref="CallbackPath"/>, responds with a success or error page, and
    /// returns what it carried. Other paths get a 404 page and the wait goes on.
    /// </summary>
    public async Task<CallbackResult> WaitForCallbackAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            var result = await ServeAsync(client, cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                return result;
            }
        }
    }

    public void Dispose() => listener.Dispose();

    private static async Task<CallbackResult?> ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var stream = client.GetStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadTimeout);
        string? target;
        try
        {
            target = await ReadRequestTargetAsync(stream, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }

        if (target is null)
        {
            await WriteResponseAsync(stream, 400, CallbackPages.NotFound(), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? target : target[..queryStart];
        if (path != CallbackPath)
        {
            await WriteResponseAsync(stream, 404, CallbackPages.NotFound(), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var query = queryStart < 0 ? string.Empty : target[(queryStart + 1)..];
        var result = CallbackResult.FromQuery(QueryString.Parse(query));
        var page = result.Succeeded ? CallbackPages.Success() : CallbackPages.Failure(result);
        await WriteResponseAsync(stream, result.Succeeded ? 200 : 400, page, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Reads the request head and returns the target of a <c>GET</c> request line, or <see langword="null"/> for
    /// another method or a malformed or oversized head.
    /// </summary>
    private static async Task<string?> ReadRequestTargetAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        var head = Encoding.ASCII.GetString(buffer, 0, length);
        var lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
        var parts = (lineEnd < 0 ? head : head[..lineEnd]).Split(' ');
        return parts is ["GET", var target, var version] && version.StartsWith("HTTP/1.", StringComparison.Ordinal)
            ? target
            : null;
    }

    private static async Task WriteResponseAsync(
        NetworkStream stream, int status, string html, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var reason = status switch
        {
            200 => "OK",
            404 => "Not Found",
            _ => "Bad Request",
        };
        var head = string.Join(
            "\r\n",
            string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}"),
            "Content-Type: text/html; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}"),
            "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'",
            "Cache-Control: no-store",
            "Connection: close",
            string.Empty,
            string.Empty);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The browser went away before the page arrived; the callback itself was received.
        }
    }
}
