using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Hostnet.Core.Loading;
using Hostnet.Core.NodeState;
using Hostnet.Core.Runs;
using Hostnet.Core.Tests.Support;
using Hostnet.Kube.Http;
using Hostnet.Kube.Tests.Support;
using Shouldly;

namespace Hostnet.Agent.Tests.Daemon;

/// <summary>
/// The recorded node of testdata/proc/cgroup-v1-cgroupfs-docker (a node_exporter daemon holds 9100, which pod
/// monitoring/statsd declares: HN062), its pods as the API sends them, and a client of a fake API server.
/// </summary>
internal static class AgentFixture
{
    public const string Node = "node-a";

    public static string ProcRoot => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Agent.Tests", "testdata", "proc", "cgroup-v1-cgroupfs-docker");

    /// <summary>The pods of the recorded node, without apiVersion and kind as list items come.</summary>
    public static JsonArray Pods()
    {
        var list = JsonNode.Parse(File.ReadAllText(Path.Combine(ProcRoot, "pods.json")))!.AsObject();
        var items = list["items"]!.AsArray();
        list.Remove("items");
        foreach (var item in items)
        {
            item!.AsObject().Remove("apiVersion");
            item.AsObject().Remove("kind");
        }

        return items;
    }

    /// <summary>A pod list answer at <paramref name="resourceVersion"/>.</summary>
    public static string PodList(string resourceVersion) => new JsonObject
    {
        ["kind"] = "PodList",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
        ["items"] = Pods(),
    }.ToJsonString();

    /// <summary>The recorded node's report: HN062 on monitoring/statsd.</summary>
    public static NodeReport Report()
    {
        using var pods = File.OpenRead(Path.Combine(ProcRoot, "pods.json"));
        var snapshot = SnapshotReader.Read("pods.json", pods).Snapshot;
        var scan = new NodeScanner(new ProcFileSystem(ProcRoot)).Scan();
        return NodeAnalyzer.Analyze(NodeView.Build(scan, new NodePods(Node, snapshot.Pods), DateTimeOffset.UnixEpoch, NodeView.DefaultGrace));
    }

    /// <summary>A client on the real clock (a watch waits for real), with fast retries.</summary>
    public static KubeApiClient Client(TempDirectory temp, FakeApiServer server)
    {
        var kubeconfig = Kubeconfigs.Write(temp, server, "token: agent-token");
        return new KubeApiClient(
            Hostnet.Kube.Config.KubeConnectionResolver.Resolve(Kubeconfigs.Options(kubeconfig, TimeProvider.System)),
            new KubeClientOptions(TimeSpan.FromSeconds(30), new RetryPolicy(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)), TimeProvider.System));
    }

    public static IPEndPoint AnyLoopbackPort => new(IPAddress.Loopback, 0);

    /// <summary>How long a test waits for the agent to get somewhere (a loaded machine runs many test projects).</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <see cref="Patience"/>.</summary>
    public static async Task Until(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            Stopwatch.GetTimestamp().ShouldBeLessThan(deadline, "the agent did not get there in time");
            await Task.Delay(10);
        }
    }
}
