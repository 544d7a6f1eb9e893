using System.IO.Compression;
using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class PortsCommandTests : IDisposable
{
    private const string DaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent2, namespace: default}
        spec:
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: a}}
            spec:
              hostNetwork: true
              containers:
              - name: a
                image: example/a
                args: ["--port=7005"]
                ports: [{containerPort: 7006}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web2}
        spec:
          template:
            spec:
              containers: [{name: w, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}]
        """;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "cluster", name);

    [Fact]
    public void Ports_OneNode_ListsDeclaredAndInferredPortsAndEveryNodePorts()
    {
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "--node", "node-2");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("""
            NODE    PORT         PROTOCOL  HOST IP    SOURCE     OWNER                                     WORKLOAD                  DETAIL
            *       10248        TCP       127.0.0.1  component  the kubelet's health check (127.0.0.1)    -                         on every node
            *       10250        TCP       0.0.0.0    component  the kubelet API                           -                         on every node
            *       30000-32767  TCP+UDP   0.0.0.0    component  the Service NodePort range (30000-32767)  -                         on every node
            *       30080        TCP       0.0.0.0    nodePort   Service default/web                       -                         NodePort port 80, taken by kube-proxy
            node-2  5353         UDP       0.0.0.0    declared   Pod default/web-5d4f8c7b9-abcde           ReplicaSet/web-5d4f8c7b9  container nginx
            node-2  7001         TCP       0.0.0.0    inferred   Pod default/agent-xyz12                   -                         --port=7001 in container agent
            node-2  8080         TCP       10.0.0.12  declared   Pod default/web-5d4f8c7b9-abcde           ReplicaSet/web-5d4f8c7b9  container nginx

            * = on every node. Only "declared" ports are known to the scheduler (NodePorts filter); inferred listeners, node components and Service node ports are not.

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Ports_Manifests_ArePlacedByThePlanner()
    {
        _sandbox.Write("ds.yaml", DaemonSet);
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "ds.yaml", "--node", "node-1", "--protocol", "tcp");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("node-1  80           TCP       0.0.0.0    declared   Pod default/web2-6f5456d758-gtc8k (planned, in this run)  Deployment/web2          container w\n");
        result.Output.ShouldContain("node-1  7005         TCP       0.0.0.0    inferred   Pod default/agent2-g4cmw (planned)                        DaemonSet/agent2         --port=7005 in container a\n");
        result.Output.ShouldContain("node-1  7006         TCP       0.0.0.0    declared   Pod default/agent2-g4cmw (planned)                        DaemonSet/agent2         container a\n");
        result.Output.ShouldNotContain("5353");
        result.Output.ShouldNotContain("Not placed");
    }

    [Fact]
    public void Ports_ManifestPodsThatWouldNotRun_AreListedAsNotPlaced()
    {
        // Two schedulable workers (the control-plane node is tainted), three replicas holding port 80.
        _sandbox.Write("web.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web3}
            spec:
              replicas: 3
              template:
                spec:
                  containers: [{name: w, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}]
            """);
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "web.yaml", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.Split("\"owner\": \"Pod default/web3-").Length.ShouldBe(3, result.Output);
        result.Output.ShouldContain("\"unplaced\": [\n    \"Deployment default/web3: 1 pod(s) Pending\"\n  ],");
        result.Output.ShouldContain("\"certain\": false");
    }

    [Fact]
    public void Ports_Free_OnTheNodesTheWorkloadsCanRunOn()
    {
        _sandbox.Write("ds.yaml", DaemonSet);
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "ds.yaml", "--free", "7000-7010");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("Free TCP ports in 7000-7010 on all 2 nodes:\n7000, 7002, 7004-7010\n");
    }

    [Fact]
    public void Ports_Free_LooksOnlyWhereTheSchedulerCouldPlaceTheWorkload()
    {
        // node-1 runs a pod requesting 100m of its 3800m CPU, so a pod requesting 3750m fits node-2 only (the
        // control-plane node is tainted).
        _sandbox.Write("big.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: big}
            spec:
              template:
                spec:
                  containers: [{name: b, image: big, resources: {requests: {cpu: 3750m}}, ports: [{containerPort: 7000, hostPort: 7000}]}]
            """);
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "big.yaml", "--free", "7000-7010");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("Free TCP ports in 7000-7010 on node node-2:\n7000, 7002-7010\n");
    }

    [Fact]
    public void Ports_ReservedPortsOfHostnetYaml_AreHeldOnEveryNode()
    {
        _sandbox.Write(".hostnet.yaml", "reservedPorts:\n  - {port: 7003, owner: our agent}\n");

        var map = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "--node", "node-2");
        var free = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "--free", "7002-7004");

        map.ExitCode.ShouldBe(0, map.ToString());
        map.Output.ShouldContain("*       7003         TCP       0.0.0.0    component  our agent");
        map.Output.ShouldContain("on every node (reservedPorts in .hostnet.yaml)\n");
        free.Output.ShouldBe("Free TCP ports in 7002-7004 on all 3 nodes:\n7002, 7004\n");
    }

    [Fact]
    public void Ports_BrokenConfig_Exits2WithPosition()
    {
        _sandbox.Write("bad.yaml", "reservedPorts: 7\n");

        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "--config", "bad.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("bad.yaml:1:16: reservedPorts must be a list");
    }

    [Fact]
    public void Ports_FreeJson_NamesTheNodes()
    {
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "--free", "5353", "--protocol", "UDP", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("\"free\": {\n    \"protocol\": \"UDP\",\n    \"from\": 5353,\n    \"to\": 5353,\n    \"nodes\": [\n      \"node-1\",\n      \"node-2\",\n      \"control-plane\"\n    ],\n    \"ports\": []\n  }\n}\n");
    }

    [Fact]
    public void Ports_Json_DescribesEachPort()
    {
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), "--node", "node-1", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("""
                    {
                      "port": 9100,
                      "toPort": 9100,
                      "protocol": "TCP",
                      "hostIP": "0.0.0.0",
                      "source": "declared",
                      "knownToScheduler": true,
                      "owner": "Pod monitoring/node-exporter-7xk2p",
                      "workload": "DaemonSet/node-exporter",
                      "detail": "container node-exporter",
                      "planned": false,
                      "certain": true,
                      "terminating": false
                    }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Ports_GzipSnapshotOnStandardInput_IsRead()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(Fixture("snapshot-compact.json")));
        }

        var result = _sandbox.Run(["ports", "--cluster", "-", "--free", "7000-7010"], standardInputBytes: compressed.ToArray());

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("Free TCP ports in 7000-7010 on all 3 nodes:\n7000, 7002, 7004-7010\n");
    }

    [Fact]
    public void Ports_MalformedSnapshot_Exits2WithPosition()
    {
        _sandbox.Write("bad.json", "{\"apiVersion\": \"v1\",\n \"items\": [}\n");
        var result = _sandbox.Run("ports", "--cluster", "bad.json");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: bad.json:2:12: malformed JSON: '}' is an invalid start of a value.\n");
    }

    [Fact]
    public void Ports_MissingSnapshot_Exits2()
    {
        var result = _sandbox.Run("ports", "--cluster", "nope.json");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: nope.json: cannot read the cluster snapshot: no such file or directory\n");
    }

    [Fact]
    public void Ports_SnapshotWarnings_GoToStandardError()
    {
        _sandbox.Write("c.json", """{"apiVersion":"v1","kind":"Node","metadata":{"name":"bare"}}""");
        var result = _sandbox.Run("ports", "--cluster", "c.json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBe("hostnet: c.json:1:1: warning: Node \"bare\" has no status.allocatable: read as 0 cpu, 0 memory and 0 pods, so the scheduler places nothing there\n");
    }

    [Theory]
    [InlineData("--free", "8000-7000", "hostnet: --free must be a port range like 7000-8000 within 1-65535, not '8000-7000'\n")]
    [InlineData("--node", "ghost", "hostnet: --node ghost: no such node in the cluster\n")]
    public void Ports_BadOption_Exits2(string option, string value, string message)
    {
        var result = _sandbox.Run("ports", "--cluster", Fixture("kubectl-list.json"), option, value);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe(message);
    }
}
