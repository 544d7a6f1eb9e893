using System.Security.Cryptography.X509Certificates;
using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class WebhookCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void GenCerts_WritesTheFilesForTheService()
    {
        var result = _sandbox.Run("webhook", "gen-certs", "--service", "hostnet-webhook", "--namespace", "hostnet-system", "--out", "certs");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("names: hostnet-webhook, hostnet-webhook.hostnet-system, hostnet-webhook.hostnet-system.svc, hostnet-webhook.hostnet-system.svc.cluster.local\n");
        using var certificate = X509Certificate2.CreateFromPem(_sandbox.Read("certs/tls.crt"), _sandbox.Read("certs/tls.key"));
        certificate.MatchesHostname("hostnet-webhook.hostnet-system.svc").ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_sandbox.Root, "certs", "tls.key")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _sandbox.Read("certs/ca-bundle.txt").Trim().ShouldBe(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(_sandbox.Read("certs/ca.crt"))));
    }

    [Fact]
    public void GenCerts_WithoutService_IsAUsageError() =>
        _sandbox.Run("webhook", "gen-certs", "--namespace", "ns", "--out", "certs").ExitCode.ShouldBe(2);

    [Fact]
    public void Webhook_WithoutCertificate_Exits2()
    {
        var result = _sandbox.Run("webhook");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: webhook needs --tls-cert and --tls-key (hostnet webhook gen-certs writes a pair)\n");
    }

    [Fact]
    public void Webhook_BadListenAddress_Exits2()
    {
        var result = _sandbox.Run("webhook", "--tls-cert", "a", "--tls-key", "b", "--listen", "everywhere");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: --listen must look like :8443, 0.0.0.0:8443 or [::]:8443, not 'everywhere'\n");
    }
}
