using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>
/// A one-request HTTP/1.1 server on 127.0.0.1 that captures the raw request bytes, so tests can see the header
/// lines exactly as HttpClient writes them.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task<string> _request;

    public LoopbackHttpServer(int status, string reason, string? json)
    {
        _listener.Start();
        _request = ServeOneAsync(status, reason, json);
    }

    public string Url => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The request line, the header lines and the body, as received.</summary>
    public Task<string> RawRequest => _request;

    public void Dispose() => _listener.Stop();

    private async Task<string> ServeOneAsync(int status, string reason, string? json)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (!IsComplete(received))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = $"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Length: {body.Length}\r\n"
            + (json is null ? string.Empty : "Content-Type: application/json\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static bool IsComplete(List<byte> received)
    {
        var text = Encoding.ASCII.GetString(received.ToArray());
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }

        var lengthLine = text[..headerEnd].Split("\r\n")
            .FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null
            ? 0
            : int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        return received.Count >= headerEnd + 4 + length;
    }
}
