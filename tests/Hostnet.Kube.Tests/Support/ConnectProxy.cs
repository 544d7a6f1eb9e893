using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hostnet.Kube.Tests.Support;

/// <summary>
/// A tiny HTTP CONNECT proxy on 127.0.0.1 (what <c>proxy-url: http://…</c> names): it records each tunnel's target,
/// connects to it (every host name maps to 127.0.0.1, so a name only the proxy can reach proves the client used it),
/// answers <c>200 Connection established</c> and relays bytes both ways. Anything but CONNECT gets 405.
/// </summary>
internal sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ConnectProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The <c>host:port</c> of every CONNECT request, in order.</summary>
    public ConcurrentQueue<string> Tunnels { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => TunnelAsync(client));
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var parts = head.Split("\r\n")[0].Split(' ');
            if (parts is not ["CONNECT", var target, _])
            {
                await stream.WriteAsync("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                return;
            }

            Tunnels.Enqueue(target);
            var port = int.Parse(target[(target.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, port);
            await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray());
            var server = upstream.GetStream();
            await Task.WhenAny(stream.CopyToAsync(server), server.CopyToAsync(stream));
        }
    }

    /// <summary>The request line and headers, up to the blank line (a CONNECT request has no body).</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 8192 && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
