using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class CheckClusterTests : IDisposable
{
    private const string DaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: default}
        spec:
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: a}}
            spec:
              hostNetwork: true
              containers:
              - name: a
                image: example/a
                ports: [{containerPort: 7006}]
        """;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "cluster", name);

    [Fact]
    public void Check_WithCluster_PlacementRulesUseTheClustersNodes()
    {
        _sandbox.Write("ds.yaml", DaemonSet);
        var result = _sandbox.Run("check", "ds.yaml", "--cluster", Fixture("kubectl-list.json"), "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("this host-network DaemonSet does not tolerate taints of 1 of the 3 node(s) it selects, so it runs no pod there (no Pending pod and no event, the DaemonSet's desired count just leaves them out): control-plane (");
    }

    [Fact]
    public void Check_WithBadCluster_Exits2()
    {
        _sandbox.Write("ds.yaml", DaemonSet);
        _sandbox.Write("c.json", "[]");
        var result = _sandbox.Run("check", "ds.yaml", "--cluster", "c.json");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: c.json:1:1: not a List or a stream of Kubernetes objects: the input holds a JSON array\n");
    }
}
