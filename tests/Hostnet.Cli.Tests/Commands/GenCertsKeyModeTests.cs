using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary><c>webhook gen-certs</c> never lets a private key be read by others, not even for a moment (issue 15).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GenCertsKeyModeTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void GenCerts_OverAWorldReadableOldKey_NewKeyIs0600AndNotReadableThroughTheOldFile()
    {
        // Someone opened the old, world-readable tls.key and keeps it open: writing the new key into that file would
        // hand it over. A new file created 0600 and renamed over the old one does not.
        var old = _sandbox.Write("certs/tls.key", "old key\n");
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100);
        using var reader = new FileStream(old, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        var result = _sandbox.Run("webhook", "gen-certs", "--service", "hostnet-webhook", "--namespace", "hostnet-system", "--out", "certs");

        result.ExitCode.ShouldBe(0, result.ToString());
        new StreamReader(reader).ReadToEnd().ShouldBe("old key\n");
        _sandbox.Read("certs/tls.key").ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        foreach (var key in new[] { "certs/tls.key", "certs/ca.key" })
        {
            File.GetUnixFileMode(Path.Combine(_sandbox.Root, key)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, key);
        }

        Directory.GetFiles(Path.Combine(_sandbox.Root, "certs")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["ca-bundle.txt", "ca.crt", "ca.key", "tls.crt", "tls.key"]);
    }
}
