using System.Text.Json.Nodes;
using Hostnet.Cli.Tests.Support;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary><c>hostnet audit</c> without <c>--cluster</c>: it lists the cluster through the API (paged), as <c>hostnet snapshot</c> does.</summary>
public sealed class AuditLiveTests : IAsyncLifetime, IDisposable
{
    private const string DaemonSet = """
        {"metadata": {"name": "agent", "namespace": "agents"},
         "spec": {"selector": {"matchLabels": {"app": "agent"}},
                  "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}},
                  "template": {"metadata": {"labels": {"app": "agent"}},
                               "spec": {"hostNetwork": true, "dnsPolicy": "ClusterFirstWithHostNet",
                                        "containers": [{"name": "agent", "image": "example.com/agent:1", "ports": [{"containerPort": 7070}]}]}}},
         "status": {"desiredNumberScheduled": 2, "currentNumberScheduled": 2, "updatedNumberScheduled": 2, "numberAvailable": 1}}
        """;

    private readonly CliSandbox _sandbox = new();
    private readonly TestPki _pki = new();
    private FakeApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync(_pki);
        _server.Respond = r => r.Path switch
        {
            "/version" => FakeResponse.Json(ApiObjects.Version),
            "/api/v1/nodes" => FakeResponse.Json(ApiObjects.List("v1", "Node", [Node("node-1"), Node("node-2")])),
            "/apis/apps/v1/daemonsets" => FakeResponse.Json(ApiObjects.List("apps/v1", "DaemonSet", [JsonNode.Parse(DaemonSet)!.AsObject()])),
            "/api/v1/pods" when r.Query("continue") is null => FakeResponse.Json(ApiObjects.List("v1", "Pod", [AgentPod("agent-a", "node-1")], "next", remaining: 2)),
            "/api/v1/pods" => FakeResponse.Json(ApiObjects.List("v1", "Pod", [AgentPod("agent-b", null), Squatter()])),
            _ => FakeResponse.Json(ApiObjects.List("v1", "Thing", [])),
        };
        FakeClusterKubeconfig.Write(_sandbox, _server, _pki);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _pki.Dispose();
        _sandbox.Dispose();
    }

    [Fact]
    public void Audit_Live_PagesThroughTheApiAndAuditsWhatItRead()
    {
        var result = _sandbox.Run("audit", "--kubeconfig", "kube/config", "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        json["source"]!.GetValue<string>().ShouldBe("(live)");
        json["serverVersion"]!.GetValue<string>().ShouldBe("1.31");
        json["totals"]!["pods"]!.GetValue<int>().ShouldBe(3);
        var findings = json["findings"]!.AsArray().Select(f => $"{f!["rule"]} {f["observed"]} {f["kind"]}/{f["name"]}").ToList();
        findings.ShouldContain("HN012 true Pod/agent-b");
        findings.ShouldContain("HN019 true DaemonSet/agent");
        _server.RequestsTo("/api/v1/pods").Select(r => r.Query("continue")).ShouldBe([null, "next"]);
        _server.RequestsTo("/api/v1/pods").ShouldAllBe(r => r.Query("limit") == "500");
        _server.RequestsTo("/apis/networking.k8s.io/v1/networkpolicies").ShouldHaveSingleItem();
        _server.Requests.ShouldAllBe(r => r.Authorization == "Bearer secret-admin-token");
    }

    [Fact]
    public void Audit_LiveForbidden_ExitsTwoWithTheRbacHint()
    {
        _server.Respond = r => r.Path == "/version"
            ? FakeResponse.Json(ApiObjects.Version)
            : FakeResponse.Error(403, "Forbidden", "namespaces is forbidden: User \"viewer\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope");

        var result = _sandbox.Run("audit", "--kubeconfig", "kube/config");

        result.ExitCode.ShouldBe(2);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldBe("hostnet: Forbidden: namespaces is forbidden: User \"viewer\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope: grant \"list\" on \"namespaces\" (see docs/snapshot.md for the ClusterRole)\n");
    }

    [Fact]
    public void Audit_LiveUnknownContext_ExitsTwo()
    {
        var result = _sandbox.Run("audit", "--kubeconfig", "kube/config", "--context", "prod");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("hostnet: context was not found for specified context: prod\n");
    }

    private static JsonObject Node(string name)
    {
        var node = ApiObjects.Recorded("node");
        node["metadata"]!["name"] = name;
        node["spec"]!.AsObject().Remove("taints");
        return node;
    }

    private static JsonObject AgentPod(string name, string? node)
    {
        var pod = JsonNode.Parse("""
            {"metadata": {"namespace": "agents", "labels": {"app": "agent"},
                          "ownerReferences": [{"apiVersion": "apps/v1", "kind": "DaemonSet", "name": "agent", "uid": "d1", "controller": true}]},
             "spec": {"hostNetwork": true, "dnsPolicy": "ClusterFirstWithHostNet",
                      "containers": [{"name": "agent", "image": "example.com/agent:1", "ports": [{"containerPort": 7070, "hostPort": 7070, "protocol": "TCP"}]}]},
             "status": {"phase": "Running"}}
            """)!.AsObject();
        pod["metadata"]!["name"] = name;
        if (node is not null)
        {
            pod["spec"]!["nodeName"] = node;
            return pod;
        }

        pod["status"] = JsonNode.Parse("""
            {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable",
              "message": "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."}]}
            """);
        return pod;
    }

    private static JsonObject Squatter() => JsonNode.Parse("""
        {"metadata": {"name": "squatter", "namespace": "default"},
         "spec": {"nodeName": "node-2", "containers": [{"name": "s", "image": "example.com/s:1", "ports": [{"containerPort": 8080, "hostPort": 7070}]}]},
         "status": {"phase": "Running"}}
        """)!.AsObject();
}
