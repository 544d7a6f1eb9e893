using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hostnet.Webhook.Certificates;
using Hostnet.Webhook.Hosting;
using Microsoft.Extensions.Logging;

namespace Hostnet.Webhook.Tests.Support;

/// <summary>
/// A real webhook on 127.0.0.1 with a free port and real TLS, its certificates generated for the test in a fresh
/// folder, and a client that trusts only that CA and records the certificate each connection was served.
/// </summary>
public sealed class TestWebhook : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly LogCollector _logs;

    private TestWebhook(string folder, WebhookServer server, X509Certificate2 ca, LogCollector logs)
    {
        _logs = logs;
        Folder = folder;
        Server = server;
        Ca = ca;
        _client = CreateClient();
    }

    public string Folder { get; }

    public WebhookServer Server { get; }

    public X509Certificate2 Ca { get; private set; }

    public string PolicyPath => Path.Combine(Folder, "policy.yaml");

    public IReadOnlyCollection<string> Logs => _logs.Lines;

    internal IReadOnlyCollection<LogEntry> LogEntries => _logs.Entries;

    /// <summary>Thumbprints of the certificates the server presented, in order of the handshakes.</summary>
    public ConcurrentQueue<string> ServedThumbprints { get; } = new();

    public HttpClient Client => _client;

    public static async Task<TestWebhook> StartAsync(string? policy = null, Func<WebhookOptions, WebhookOptions>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("hostnet-webhook-").FullName;
        var generated = WriteCertificates(folder);
        if (policy is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "policy.yaml"), policy);
        }

        var options = new WebhookOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            CertificatePath = Path.Combine(folder, "tls.crt"),
            KeyPath = Path.Combine(folder, "tls.key"),
            PolicyPath = policy is null ? null : Path.Combine(folder, "policy.yaml"),
            ReloadPollInterval = TimeSpan.FromMilliseconds(200),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
            RequestTimeout = TimeSpan.FromSeconds(20), // the shared test machine can be slow; timeouts are not under test
            LogLevel = LogLevel.Debug,
        };
        options = configure?.Invoke(options) ?? options;
        var logs = new LogCollector();
        var server = WebhookServer.Create(options, TimeProvider.System, logging => logging.AddProvider(logs));
        await server.StartAsync();
        return new TestWebhook(folder, server, X509Certificate2.CreateFromPem(generated.CaCertificatePem), logs);
    }

    /// <summary>Writes a fresh CA and serving certificate (for 127.0.0.1 via the name localhost) into <paramref name="folder"/>.</summary>
    public static GeneratedCertificates WriteCertificates(string folder)
    {
        var generated = CertificateAuthority.Generate("hostnet-webhook", "hostnet-system", DateTimeOffset.UtcNow, TimeSpan.FromDays(1), ["localhost"]);
        foreach (var (name, content) in generated.Files)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }

        return generated;
    }

    /// <summary>Replaces the certificate pair on disk, as cert-manager does; later handshakes must be validated against the new CA.</summary>
    public void RotateCertificates()
    {
        var generated = WriteCertificates(Folder);
        Ca = X509Certificate2.CreateFromPem(generated.CaCertificatePem);
    }

    /// <summary>A client with its own connections (keep-alive), trusting the current CA.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, certificate, _, _) => Trusts(certificate),
        },
    })
    {
        BaseAddress = new Uri($"https://127.0.0.1:{Server.Address.Port}"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Sends a POST over its own TLS connection that announces all of <paramref name="json"/> but sends only its first
    /// half, then waits (at most <paramref name="wait"/>) for the answer: a client whose body never finishes. The
    /// connection is closed before returning, whatever happens; with <paramref name="untilServerCloses"/>, only once
    /// the server has closed it (it has then finished with the request, drain included).
    /// </summary>
    public async Task<(int Status, string Body)> PostHalfAsync(string path, string json, TimeSpan wait, bool untilServerCloses = false)
    {
        using var deadline = new CancellationTokenSource(wait);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Server.Address.Port, deadline.Token);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) => Trusts(certificate));
        await using (tls)
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, deadline.Token);
            var body = Encoding.UTF8.GetBytes(json);
            var head = $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(head), deadline.Token);
            await tls.WriteAsync(body.AsMemory(0, body.Length / 2), deadline.Token);
            await tls.FlushAsync(deadline.Token);
            var answer = await ReadAnswerAsync(tls, deadline.Token);
            while (untilServerCloses && await tls.ReadAsync(new byte[1], deadline.Token) > 0)
            {
                // Nothing more is expected but the end of the stream.
            }

            return answer;
        }
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>One HTTP/1.1 answer with a Content-Length: its status and body.</summary>
    private static async Task<(int Status, string Body)> ReadAnswerAsync(Stream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = Encoding.ASCII.GetString([.. received]).IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the connection closed before the answer's headers: {Encoding.ASCII.GetString([.. received])}");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received], 0, headEnd).Split("\r\n");
        var length = head.Skip(1).Select(h => h.Split(':', 2)).Where(h => h[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).Single();
        while (received.Count < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("the connection closed before the answer's body ended");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, Encoding.UTF8.GetString([.. received], headEnd + 4, length));
    }

    private bool Trusts(X509Certificate? presented)
    {
        if (presented is null)
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        ServedThumbprints.Enqueue(certificate.Thumbprint);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate) && certificate.MatchesHostname("localhost");
    }
}
