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

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
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
