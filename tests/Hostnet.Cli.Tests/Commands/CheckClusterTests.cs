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
        // The only node left out is the control plane, where the snapshot runs no workload pod: a deliberate skip, at info.
        result.Output.ShouldContain("this host-network DaemonSet skips the 1 control-plane node(s) it selects, which carry node-role.kubernetes.io/control-plane:NoSchedule and get no pod of it: control-plane; the snapshot shows no workload pod there (only DaemonSet and static pods), so nothing there needs it");
    }

    private static string RuleFixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "rules", name);

    [Fact]
    public void Check_PodChangingHostNetworkInTheCluster_IsRejectedAsTheApiServerWould()
    {
        var result = _sandbox.Run(
            "check",
            RuleFixture("HN009-immutable-pod-network/fail-host-network-added.yaml"),
            "--cluster",
            RuleFixture("HN009-immutable-pod-network/fail-host-network-added.cluster.yaml"),
            "--kube-version",
            "1.26",
            "--format",
            "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("\"rule\": \"HN009\"");
        result.Output.ShouldContain(
            "(The Pod \\\"packet-probe\\\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, "
            + "`spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative), followed by a diff of the two specs)");
    }

    [Fact]
    public void Check_PortHeldByRunningPods_QuotesTheScheduler()
    {
        var result = _sandbox.Run(
            "check",
            RuleFixture("HN012-host-port-conflict/fail-held-by-running-pods.yaml"),
            "--cluster",
            RuleFixture("HN012-host-port-conflict/fail-held-by-running-pods.cluster.yaml"),
            "--format",
            "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain(
            "host port 9100/TCP is held on every node its pods could go to (2) by running pods: vendor-tools/hw-agent-x7k2p on worker-1, vendor-tools/hw-agent-q9v4m on worker-2; its pods stay Pending: "
            + "\\\"0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.\\\"");
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
