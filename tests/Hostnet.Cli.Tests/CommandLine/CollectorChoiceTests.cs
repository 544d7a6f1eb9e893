using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>
/// Which commands leave the native build's server GC for the workstation collector (docs/install.md, "The
/// collector"), and that the manifests we ask people to apply choose it for the webhook and agent themselves.
/// </summary>
public sealed class CollectorChoiceTests
{
    [Theory]
    [InlineData("webhook --listen=:8443")]
    [InlineData("agent --once")]
    [InlineData("audit")]
    [InlineData("audit --cluster p2.json")]
    [InlineData("snapshot --output s.json")]
    [InlineData("check deploy/ --cluster p2.json")]
    [InlineData("check deploy/ --cluster=p2.json")]
    [InlineData("check deploy/ --cluster:p2.json")]
    [InlineData("[diagram] audit")]
    [InlineData("@audit.rsp")]
    [InlineData("check @files.rsp")]
    [InlineData("plan --cluster s.json --replicas 3 d.yaml")]
    [InlineData("ports --cluster -")]
    [InlineData("bench --modes veth")]
    public void WantsWorkstation_ClusterSizedOrLongRunning_True(string command) =>
        CollectorChoice.WantsWorkstation(command.Split(' ')).ShouldBeTrue();

    [Theory]
    [InlineData("check deploy/ --format json")]
    [InlineData("check deploy/ --clusters")]
    [InlineData("fix deploy/ --write")]
    [InlineData("rules")]
    [InlineData("dns")]
    [InlineData("--help")]
    [InlineData("")]
    public void WantsWorkstation_ManifestCommands_False(string command) =>
        CollectorChoice.WantsWorkstation(command.Length == 0 ? [] : command.Split(' ')).ShouldBeFalse();

    [Theory]
    [InlineData("webhook", "30-deployment.yaml")]
    [InlineData("agent", "20-daemonset.yaml")]
    public void DeployManifest_LongRunningCommand_SetsWorkstationCollector(string folder, string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, "deploy", folder, file);
        var documents = new ManifestLoader().Load(new SourceFile(path, File.ReadAllText(path))).Documents;
        var container = documents.Select(ObjectReader.Read).OfType<Workload>().Single().Spec.Containers.Single();

        container.Args[0].ShouldBe(folder);
        CollectorChoice.WantsWorkstation(container.Args).ShouldBeTrue();
        // Set in the manifest, the process starts on the workstation collector at once instead of starting twice.
        container.Env.Where(e => e.Name == CollectorChoice.ServerVariable).Select(e => e.Value).ShouldBe(["0"]);
    }
}
