using System.Net;
using System.Text.Json;
using Hostnet.Agent.Daemon;
using Hostnet.Core.NodeState;
using Hostnet.Core.Tests.Support;
using Hostnet.Kube.Http;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Agent.Tests.Daemon;

/// <summary>Events against the fake API server: created, then counted by patch as client-go's correlator does; a 403 said once.</summary>
public sealed class FindingEventRecorderTests : FakeServerTestBase
{
    [Fact]
    public async Task Record_SameFindingAgain_PatchesCountAndRecreatesWhenGone()
    {
        using var client = AgentFixture.Client(Temp, Server);
        var metrics = new AgentMetrics();
        var log = new StringWriter();
        var recorder = Recorder(client, metrics, log);
        var finding = AgentFixture.Report().Findings.Single();
        var patches = 0;
        Server.Respond = request => request.Method switch
        {
            "POST" => new FakeResponse(201, request.Body),
            "PATCH" when ++patches == 1 => new FakeResponse(200, "{}"),
            _ => FakeResponse.Error(404, "NotFound", "events \"x\" not found"),
        };

        Clock.Now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        await recorder.RecordAsync(finding, CancellationToken.None);
        Clock.Now = Clock.Now.AddMinutes(1);
        await recorder.RecordAsync(finding, CancellationToken.None);
        Clock.Now = Clock.Now.AddMinutes(1);
        await recorder.RecordAsync(finding, CancellationToken.None);

        var requests = Server.Requests.ToList();
        requests.Select(r => r.Method).ShouldBe(["POST", "PATCH", "PATCH", "POST"]);
        using var created = JsonDocument.Parse(requests[0].Body);
        var root = created.RootElement;
        requests[0].Path.ShouldBe("/api/v1/namespaces/monitoring/events");
        var name = root.GetProperty("metadata").GetProperty("name").GetString()!;
        name.ShouldStartWith("statsd.");
        root.GetProperty("reason").GetString().ShouldBe("HostPortListener");
        root.GetProperty("type").GetString().ShouldBe("Warning");
        root.GetProperty("count").GetInt32().ShouldBe(1);
        root.GetProperty("involvedObject").GetProperty("name").GetString().ShouldBe("statsd");
        root.GetProperty("involvedObject").GetProperty("uid").GetString().ShouldBe("0c4f3a52-1d6e-4b8a-9f21-7e5d3c2b1a09");
        root.GetProperty("source").GetProperty("host").GetString().ShouldBe(AgentFixture.Node);
        root.GetProperty("message").GetString()!.ShouldStartWith("HN062 host-port-held: pod monitoring/statsd declares containerPort 9100/TCP");

        requests[1].Path.ShouldBe($"/api/v1/namespaces/monitoring/events/{name}");
        requests[1].ContentType.ShouldBe("application/strategic-merge-patch+json");
        using var patch = JsonDocument.Parse(requests[1].Body);
        patch.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["count", "lastTimestamp", "message"]);
        patch.RootElement.GetProperty("count").GetInt32().ShouldBe(2);
        patch.RootElement.GetProperty("lastTimestamp").GetString().ShouldBe("2026-12-04T12:01:00Z");

        // The third occurrence finds the Event gone: created again under its name, with its count and first time.
        using var recreated = JsonDocument.Parse(requests[3].Body);
        recreated.RootElement.GetProperty("metadata").GetProperty("name").GetString().ShouldBe(name);
        recreated.RootElement.GetProperty("count").GetInt32().ShouldBe(3);
        recreated.RootElement.GetProperty("firstTimestamp").GetString().ShouldBe("2026-12-04T12:00:00Z");
        recreated.RootElement.GetProperty("lastTimestamp").GetString().ShouldBe("2026-12-04T12:02:00Z");

        var exposition = await metrics.WriteAsync(CancellationToken.None);
        exposition.ShouldContain("hostnet_agent_api_events_total{result=\"created\"} 2");
        exposition.ShouldContain("hostnet_agent_api_events_total{result=\"patched\"} 1");
        log.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Record_Forbidden_LogsOnceAndCountsEachAttempt()
    {
        using var client = AgentFixture.Client(Temp, Server);
        var metrics = new AgentMetrics();
        var log = new StringWriter();
        var recorder = Recorder(client, metrics, log);
        var finding = AgentFixture.Report().Findings.Single();
        Server.Respond = _ => FakeResponse.Error(403, "Forbidden",
            "events is forbidden: User \"system:serviceaccount:hostnet:hostnet-agent\" cannot create resource \"events\" in API group \"\" in the namespace \"monitoring\"");

        await recorder.RecordAsync(finding, CancellationToken.None);
        await recorder.RecordAsync(finding, CancellationToken.None);

        Server.Requests.Count.ShouldBe(2, "each occurrence is tried: the permission may be granted later");
        Server.Requests.ShouldAllBe(r => r.Method == "POST");
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldContain("403 Forbidden");
        (await metrics.WriteAsync(CancellationToken.None)).ShouldContain("hostnet_agent_api_events_total{result=\"forbidden\"} 2");
    }

    [Fact]
    public async Task Record_FindingAboutNoPod_IsCountedOnTheNode()
    {
        using var client = AgentFixture.Client(Temp, Server);
        var metrics = new AgentMetrics();
        var recorder = Recorder(client, metrics, new StringWriter());
        // Without its pod in the API, the gateway of the recorded CRI-O node listening on 30443 is no pod the agent can
        // name: HN063 about no pod, as for a node daemon.
        var root = Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Agent.Tests", "testdata", "proc", "cgroup-v2-systemd-crio");
        var report = NodeScanner.Analyze(new NodeScanner(new ProcFileSystem(root)).Scan(), new NodePods(AgentFixture.Node, []), DateTimeOffset.UnixEpoch, NodeView.DefaultGrace);
        var finding = report.Findings.Where(f => f.Rule.Id == "HN063").ShouldHaveSingleItem();
        finding.Pod.ShouldBeNull();
        Server.Respond = request => request.Method == "POST" ? new FakeResponse(201, request.Body) : new FakeResponse(200, "{}");

        Clock.Now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        await recorder.RecordAsync(finding, CancellationToken.None);
        Clock.Now = Clock.Now.AddMinutes(1);
        await recorder.RecordAsync(finding, CancellationToken.None);

        var requests = Server.Requests.ToList();
        requests.Select(r => (r.Method, r.Path.Split('.')[0])).ShouldBe([("POST", "/api/v1/namespaces/default/events"), ("PATCH", "/api/v1/namespaces/default/events/node-a")]);
        using var created = JsonDocument.Parse(requests[0].Body);
        var root0 = created.RootElement;
        root0.GetProperty("metadata").GetProperty("namespace").GetString().ShouldBe("default");
        var name = root0.GetProperty("metadata").GetProperty("name").GetString()!;
        name.ShouldBe($"node-a.{(Clock.Now.AddMinutes(-1) - DateTimeOffset.UnixEpoch).Ticks * 100:x}");
        var involved = root0.GetProperty("involvedObject");
        involved.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ShouldBe(
            [("apiVersion", "v1"), ("kind", "Node"), ("name", "node-a"), ("uid", "node-a")], "the kubelet's nodeRef: no namespace, the name as UID");
        root0.GetProperty("type").GetString().ShouldBe("Warning");
        root0.GetProperty("reason").GetString().ShouldBe("HostPortListener");
        root0.GetProperty("message").GetString()!.ShouldStartWith("HN063 node-port-range-listener: pod UID ");
        requests[1].Path.ShouldBe($"/api/v1/namespaces/default/events/{name}");
        using var patch = JsonDocument.Parse(requests[1].Body);
        patch.RootElement.GetProperty("count").GetInt32().ShouldBe(2);
        (await metrics.WriteAsync(CancellationToken.None)).ShouldContain("hostnet_agent_api_events_total{result=\"patched\"} 1");
    }

    private FindingEventRecorder Recorder(KubeApiClient client, AgentMetrics metrics, TextWriter log) => new(
        (method, path, contentType, json, token) => client.WriteAsync(method, path, new ApiBody(contentType, json), token),
        AgentFixture.Node,
        metrics,
        log,
        Clock);
}
