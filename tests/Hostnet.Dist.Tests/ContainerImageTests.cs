using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Hostnet.Core.Tests.Support;
using Hostnet.Dist.Tests.Support;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Hostnet.Dist.Tests;

/// <summary>
/// The image of deploy/image: only the native binary and the libraries it loads, running <c>hostnet check</c> and the
/// webhook (TLS, <c>/healthz</c>, <c>/validate</c>) under podman.
/// </summary>
public sealed class ContainerImageTests(ContainerImage image, ITestOutputHelper output) : IClassFixture<ContainerImage>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hostnet-container-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Image_HoldsTheBinaryAndSharedLibrariesOnly()
    {
        var container = Ok(image.Podman("create", ContainerImage.Name)).Trim();
        var archive = Path.Combine(_folder, "rootfs.tar");
        try
        {
            Ok(image.Podman("export", "--output", archive, container));
        }
        finally
        {
            image.Podman("rm", container);
        }

        var files = new List<string>();
        using (var reader = new TarReader(File.OpenRead(archive)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    files.Add(entry.Name);
                }
            }
        }

        files.ShouldContain("usr/local/bin/hostnet");
        files.Where(f => f != "usr/local/bin/hostnet").ShouldAllBe(f => Regex.IsMatch(f, @"^(usr/)?lib(64)?/.*\.so(\.[0-9]+)*$"));
        files.ShouldContain(f => f.EndsWith("/libssl.so.3", StringComparison.Ordinal));
        files.Count.ShouldBeLessThan(12);
        Ok(image.Podman("image", "inspect", "--format", "{{.Config.User}} {{.Config.Entrypoint}}", ContainerImage.Name))
            .ShouldBe("65532:65532 [/usr/local/bin/hostnet]\n");
    }

    [Fact]
    public void Check_InTheContainer_PrintsWhatHostnetPrints()
    {
        var examples = Path.Combine(RepositoryPaths.Root, "examples");

        var inside = image.Podman([.. ContainerImage.Run, "--rm", "--network=none", "--volume", $"{examples}:{examples}:ro", "--workdir", RepositoryPaths.Root, ContainerImage.Name, "check", "examples/"]);
        var outside = ExternalProgram.Run(InstalledTool.Instance.Hostnet, ["check", "examples/"]);

        inside.ExitCode.ShouldBe(1, inside.ToString());
        inside.ShouldBe(outside);
    }

    [Fact]
    public void Webhook_InTheContainer_AnswersHealthzAndReviews()
    {
        var curl = ExternalProgram.Require("curl", "curl");
        var certificates = Path.Combine(_folder, "tls");
        ExternalProgram.RunOk(InstalledTool.Instance.Hostnet, ["webhook", "gen-certs", "--service", "hostnet", "--namespace", "hostnet", "--dns-name", "localhost", "--out", certificates]);
        // The image runs as 65532; the key is 0600 for root, as gen-certs writes it.
        File.SetUnixFileMode(Path.Combine(certificates, "tls.key"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var port = FreeLoopbackPort();
        var name = "hostnet-webhook-" + Guid.NewGuid().ToString("N")[..12];

        // The host's network, so that the webhook listens on this machine's loopback and nowhere else.
        Ok(image.Podman([.. ContainerImage.Run, "--detach", "--name", name, "--network=host", "--volume", $"{certificates}:/certs:ro", ContainerImage.Name,
            "webhook", "--tls-cert", "/certs/tls.crt", "--tls-key", "/certs/tls.key", "--listen", $"127.0.0.1:{port}"]));
        try
        {
            string[] https = ["--silent", "--show-error", "--cacert", Path.Combine(certificates, "ca.crt")];
            var healthz = WaitForAnswer(curl, [.. https, $"https://localhost:{port}/healthz"]);
            healthz.ShouldBe("ok\n");

            var review = Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Webhook.Tests", "testdata", "reviews", "pod-create.json");
            var answer = ExternalProgram.RunOk(curl, [.. https, "-H", "Content-Type: application/json", "--data-binary", "@" + review, $"https://localhost:{port}/validate"]);
            answer.ShouldContain("\"response\":");
            answer.ShouldContain("\"allowed\":");
        }
        finally
        {
            var logs = image.Podman("logs", name);
            image.Podman("rm", "--force", "--time", "1", name);
            output.WriteLine(logs.Output + logs.Error);
        }
    }

    /// <summary>Asks until the server in the container answers (it starts in well under a second; 30 s on a loaded machine).</summary>
    private static string WaitForAnswer(string curl, string[] arguments)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = ExternalProgram.Run(curl, arguments);
            if (result.ExitCode == 0 || DateTime.UtcNow > deadline)
            {
                result.ExitCode.ShouldBe(0, result.ToString());
                return result.Output;
            }

            Thread.Sleep(200);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Ok(ProcessResult result)
    {
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Output;
    }
}
