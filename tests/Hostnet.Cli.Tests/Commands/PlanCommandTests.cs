using System.Text.Json;
using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class PlanCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Example(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "examples", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(name);
    }

    private JsonElement Json(params string[] args)
    {
        var result = _sandbox.Run([.. args, "--format", "json"]);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    [Fact]
    public void Plan_NginxWithoutPortsOnOneNode_OneReplicaCrashLoops()
    {
        var result = _sandbox.Run("plan", Example("nginx-hostnetwork-no-ports.yaml"), "--nodes", "1");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("CrashLoopBackOff");
        result.Output.ShouldContain("bind: address already in use");
        result.Output.ShouldContain("1 of 2 pods of Deployment/storefront cannot run whatever the scheduler chooses.");
    }

    [Fact]
    public void Plan_AgainstASnapshot_RunningPodsHoldTheirPortsAndAppearInTheTable()
    {
        _sandbox.Write("exporter.yaml", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: exporter2, namespace: monitoring}
            spec:
              selector: {matchLabels: {app: exporter2}}
              template:
                metadata: {labels: {app: exporter2}}
                spec:
                  hostNetwork: true
                  dnsPolicy: ClusterFirstWithHostNet
                  containers:
                  - name: exporter
                    image: example/exporter:1
                    ports: [{containerPort: 9100}]
            """);
        var cluster = Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "cluster", "kubectl-list.json");

        var pods = Json("plan", "exporter.yaml", "--cluster", cluster).GetProperty("pods").EnumerateArray().ToList();

        pods.ShouldContain(p => p.GetProperty("name").GetString() == "node-exporter-7xk2p" && p.GetProperty("node").GetString() == "node-1");
        var mine = pods.Where(p => p.GetProperty("owner").GetString() == "DaemonSet/exporter2").ToList();
        mine.Count.ShouldBe(2, "one pod for each worker; the control-plane taint keeps it off the third node");

        // node-1: the running node-exporter holds 9100; node-2: the snapshot's unbound pod that wants 9100 is
        // scheduled first (it was queued before the input), so neither worker has the port free.
        pods.ShouldContain(p => p.GetProperty("name").GetString() == "pending-12345" && p.GetProperty("node").GetString() == "node-2");
        mine.ShouldAllBe(p => p.GetProperty("status").GetString() == "Pending" && p.GetProperty("certain").GetBoolean());
        mine[0].GetProperty("message").GetString().ShouldBe(
            "0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.");
    }

    [Fact]
    public void Plan_ClusterAndNodesTogether_IsAUsageError() =>
        _sandbox.Run("plan", Example("node-exporter-daemonset.yaml"), "--cluster", "x.json", "--nodes", "3").ExitCode.ShouldBe(2);

    [Fact]
    public void Plan_NginxWithPortsOnOneNode_SecondReplicaPendingWithTheSchedulerMessage()
    {
        _sandbox.Write("nginx.yaml", File.ReadAllText(Example("nginx-hostnetwork-with-ports.yaml")).Replace("replicas: 4", "replicas: 2", StringComparison.Ordinal));

        var pods = Json("plan", "nginx.yaml", "--nodes", "1").GetProperty("pods").EnumerateArray().ToList();

        pods.Count(p => p.GetProperty("status").GetString() == "Running").ShouldBe(1);
        var pending = pods.Single(p => p.GetProperty("status").GetString() == "Pending");
        pending.GetProperty("message").GetString().ShouldBe(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
        pending.GetProperty("certain").GetBoolean().ShouldBeTrue();
        pending.GetProperty("owner").GetString().ShouldBe("Deployment/storefront");
    }

    [Fact]
    public void Plan_NodeExporterDaemonSet_RunsOnEveryNodeWithTheNodeIP()
    {
        var result = _sandbox.Run("plan", Example("node-exporter-daemonset.yaml"), "--format", "json");
        var pods = JsonDocument.Parse(result.Output).RootElement.GetProperty("pods").EnumerateArray().ToList();

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("planning against 3 identical worker nodes");
        pods.Select(p => p.GetProperty("node").GetString()).Order().ShouldBe(["node-1", "node-2", "node-3"]);
        pods.ShouldAllBe(p => p.GetProperty("hostNetwork").GetBoolean() && p.GetProperty("certain").GetBoolean());
        pods.Single(p => p.GetProperty("node").GetString() == "node-1").GetProperty("ip").GetString().ShouldBe("172.18.0.2");
        pods.ShouldAllBe(p => p.GetProperty("name").GetString()!.StartsWith("node-exporter-", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ReplicasOverNodes_OneReplicaPendingWhateverTheSchedulerChooses()
    {
        var result = _sandbox.Run("plan", Example("nginx-hostnetwork-with-ports.yaml"), "--nodes", "3");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldStartWith("NAME ");
        result.Output.ShouldContain("Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports.");
        result.Output.ShouldContain("1 of 4 pods of Deployment/storefront cannot run whatever the scheduler chooses.");
        result.Output.ShouldContain("3 pod(s) of Deployment/storefront placed on node-1, node-2, node-3 in this run");
    }

    [Fact]
    public void Plan_OlderKubeVersion_PrintsThatReleasesMessage()
    {
        var summary = Json("plan", Example("nginx-hostnetwork-with-ports.yaml"), "--nodes", "3", "--kube-version", "1.26").GetProperty("pods").EnumerateArray()
            .Single(p => p.GetProperty("status").GetString() == "Pending").GetProperty("message").GetString();

        summary.ShouldEndWith("incoming pod..");
    }

    [Fact]
    public void Plan_FailOnNone_ExitsZero() =>
        _sandbox.Run("plan", Example("nginx-hostnetwork-with-ports.yaml"), "--nodes", "3", "--fail-on", "none").ExitCode.ShouldBe(0);

    [Fact]
    public void Plan_NodesOutOfRange_IsAUsageError()
    {
        var result = _sandbox.Run("plan", Example("nginx-hostnetwork-with-ports.yaml"), "--nodes", "0");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--nodes must be a whole number from 1 to 100000, not '0'");
    }

    [Fact]
    public void Plan_BrokenYaml_Exits2WithThePosition()
    {
        _sandbox.Write("bad.yaml", "kind: [\n");

        var result = _sandbox.Run("plan", "bad.yaml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldStartWith("hostnet: bad.yaml:");
    }

    [Fact]
    public void Plan_JsonSummary_CountsTheInputPods()
    {
        var summary = Json("plan", Example("nginx-hostnetwork-with-ports.yaml"), "--nodes", "3").GetProperty("summary");

        summary.GetProperty("nodes").GetInt32().ShouldBe(3);
        summary.GetProperty("inputPods").GetInt32().ShouldBe(4);
        summary.GetProperty("running").GetInt32().ShouldBe(3);
        summary.GetProperty("pending").GetInt32().ShouldBe(1);
        summary.GetProperty("certainlyNotRunning").GetInt32().ShouldBe(1);
    }
}
