using System.Net;
using System.Net.Sockets;
using Hostnet.Webhook.Hosting;
using Hostnet.Webhook.Tests.Support;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// A file named at start that does not load, or an address in use, stops the webhook at once with one line: it does
/// not serve with /readyz 503 forever (nor answer /validate with the default policy meanwhile).
/// </summary>
public sealed class StartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hostnet-webhook-start-").FullName;
    private readonly LogCollector _logs = new();

    public StartTests() => TestWebhook.WriteCertificates(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Start_PolicyWithProblems_FailsWithItsFirstProblem()
    {
        File.WriteAllText(Path.Combine(_folder, "policy.yaml"), "mode: loud\n");

        var error = Should.Throw<WebhookStartException>(() => Create(Options() with { PolicyPath = Path.Combine(_folder, "policy.yaml") }));

        error.Message.ShouldBe($"policy {Path.Combine(_folder, "policy.yaml")}:1:7: mode must be enforce, warn or dryrun");
    }

    [Fact]
    public void Start_PolicyMissing_Fails()
    {
        var error = Should.Throw<WebhookStartException>(() => Create(Options() with { PolicyPath = Path.Combine(_folder, "missing.yaml") }));

        error.Message.ShouldBe($"policy {Path.Combine(_folder, "missing.yaml")}:1:1: no such file or directory");
    }

    [Fact]
    public void Start_CertificateMissing_Fails()
    {
        var error = Should.Throw<WebhookStartException>(() => Create(Options() with { CertificatePath = Path.Combine(_folder, "missing.crt") }));

        error.Message.ShouldBe($"certificate {Path.Combine(_folder, "missing.crt")} with key {Path.Combine(_folder, "tls.key")}: no such file or directory");
    }

    [Fact]
    public void Start_KeyNotMatchingTheCertificate_Fails()
    {
        var error = Should.Throw<WebhookStartException>(() => Create(Options() with { KeyPath = Path.Combine(_folder, "ca.key") }));

        error.Message.ShouldStartWith($"certificate {Path.Combine(_folder, "tls.crt")} with key {Path.Combine(_folder, "ca.key")}: ");
    }

    [Fact]
    public async Task Start_PortInUse_FailsWithOneLineAndLogsNoStackTrace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var endpoint = (IPEndPoint)holder.LocalEndpoint;
        var server = Create(Options() with { Listen = endpoint });
        try
        {
            var error = await Should.ThrowAsync<WebhookStartException>(() => server.StartAsync());

            error.Message.ShouldStartWith($"cannot listen on {endpoint}: ");
            error.Message.ShouldNotContain('\n');
            _logs.Lines.ShouldNotContain(l => l.Contains(" at ", StringComparison.Ordinal));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private WebhookServer Create(WebhookOptions options) =>
        WebhookServer.Create(options, TimeProvider.System, logging => logging.AddProvider(_logs));

    private WebhookOptions Options() => new()
    {
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        CertificatePath = Path.Combine(_folder, "tls.crt"),
        KeyPath = Path.Combine(_folder, "tls.key"),
        LogLevel = LogLevel.Debug,
    };
}
