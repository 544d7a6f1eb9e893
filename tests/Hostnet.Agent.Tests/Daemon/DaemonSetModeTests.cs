using System.Net;
using System.Text.Json.Nodes;
using Hostnet.Agent.Daemon;
using Hostnet.Kube.Tests.Support;
using Hostnet.Webhook.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Agent.Tests.Daemon;

/// <summary>
/// <c>hostnet agent</c> without <c>--once</c>, through the command's own wiring: the pods of its node by list and
/// watch from a fake API server (bookmarks, a 410 that forces a new list), the recorded node scanned, the endpoints on
/// Kestrel on loopback (<c>/metrics</c> checked by <c>promtool</c>), the Event of the new finding.
/// </summary>
public sealed class DaemonSetModeTests : FakeServerTestBase
{
    [Fact]
    public async Task Serve_WatchesScansAndServes()
    {
        using var client = AgentFixture.Client(Temp, Server);
        var lists = 0;
        Server.Respond = request => (request.Method, request.Query("watch"), request.Query("resourceVersion")) switch
        {
            ("GET", null, _) when ++lists == 1 => new FakeResponse(200, AgentFixture.PodList("100"), Delay: TimeSpan.FromMilliseconds(1500)),
            ("GET", null, _) => new FakeResponse(200, AgentFixture.PodList("300")),
            // The first watch moves on by a bookmark and ends (its timeoutSeconds); the next resumes from the bookmark
            // and finds that version compacted away: 410 as an ERROR event.
            ("GET", "true", "100") => new FakeResponse(200, WatchEvent("BOOKMARK", new JsonObject { ["kind"] = "Pod", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["resourceVersion"] = "150" } })),
            ("GET", "true", "150") => new FakeResponse(200, WatchEvent("ERROR", JsonNode.Parse(ApiObjects.Status(410, "Expired", "too old resource version: 150 (200)"))!.AsObject())),
            ("GET", "true", _) => new FakeResponse(200, "", Delay: TimeSpan.FromHours(1)),
            ("POST", _, _) => new FakeResponse(201, request.Body),
            _ => FakeResponse.Error(404, "NotFound", "not found"),
        };
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>();
        var serving = AgentHost.ServeAsync(
            client, AgentFixture.AnyLoopbackPort, new AgentDaemonOptions(AgentFixture.Node, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60), Clock),
            new ProcFileSystem(AgentFixture.ProcRoot), log, stop.Token, listening.SetResult);
        try
        {
            var url = await listening.Task.WaitAsync(AgentFixture.Patience);
            using var http = new HttpClient { BaseAddress = url };
            (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "the first list is still on its way");

            await AgentFixture.Until(() => Server.Requests.Any(r => r.Query("watch") == "true" && r.Query("resourceVersion") == "300"));
            await AgentFixture.Until(() => Server.Requests.Any(r => r.Method == "POST"));
            (await http.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);

            var gets = Server.Requests.Where(r => r.Method == "GET").ToList();
            gets.ShouldAllBe(r => r.Path == "/api/v1/pods" && r.Query("fieldSelector") == "spec.nodeName=node-a");
            gets.Select(r => (r.Query("watch"), r.Query("resourceVersion"))).Take(5).ShouldBe(
                [(null, null), ("true", "100"), ("true", "150"), (null, null), ("true", "300")],
                "list, watch from the list's version, resume from the bookmark, a new list after the 410, a watch from its version");
            gets[1].Query("allowWatchBookmarks").ShouldBe("true");
            int.Parse(gets[1].Query("timeoutSeconds")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(300, 600);
            Server.Requests.Count(r => r.Method == "POST").ShouldBe(1, "one finding, one Event; later scans of the same finding write none");

            var metrics = await http.GetAsync("/metrics");
            metrics.Content.Headers.ContentType!.ToString().ShouldBe(AgentMetrics.ContentType);
            var exposition = await metrics.Content.ReadAsStringAsync();
            exposition.ShouldContain("hostnet_node_listeners{protocol=\"tcp\",owner_kind=\"node_daemon\"} 1");
            exposition.ShouldContain("hostnet_node_listeners{protocol=\"udp\",owner_kind=\"pod\"} 2");
            exposition.ShouldContain("hostnet_node_findings{rule=\"HN062\",namespace=\"monitoring\",pod=\"statsd\"} 1");
            exposition.ShouldContain("hostnet_agent_scans_total{result=\"success\"}");
            exposition.ShouldContain("hostnet_agent_scan_duration_seconds_bucket{le=\"+Inf\"}");
            exposition.ShouldContain("hostnet_agent_api_events_total{result=\"created\"} 1");
            Promtool.CheckMetrics(exposition).ShouldBe((0, ""));
        }
        finally
        {
            await stop.CancelAsync();
        }

        (await serving.WaitAsync(AgentFixture.Patience)).ShouldBeTrue();
    }

    [Fact]
    public async Task Serve_PodsForbidden_LogsOnceAndNeverReady()
    {
        using var client = AgentFixture.Client(Temp, Server);
        Server.Respond = _ => FakeResponse.Error(403, "Forbidden",
            "pods is forbidden: User \"system:serviceaccount:hostnet:hostnet-agent\" cannot list resource \"pods\" in API group \"\" at the cluster scope");
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>();
        var serving = AgentHost.ServeAsync(
            client, AgentFixture.AnyLoopbackPort, new AgentDaemonOptions(AgentFixture.Node, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Clock),
            new ProcFileSystem(AgentFixture.ProcRoot), log, stop.Token, listening.SetResult);
        try
        {
            var url = await listening.Task.WaitAsync(AgentFixture.Patience);
            using var http = new HttpClient { BaseAddress = url };
            await AgentFixture.Until(() => Server.Requests.Count >= 4);
            (await http.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await stop.CancelAsync();
        }

        (await serving.WaitAsync(AgentFixture.Patience)).ShouldBeTrue();
        var failures = log.ToString().Split('\n').Where(l => l.Contains("Forbidden", StringComparison.Ordinal)).ToList();
        failures.ShouldHaveSingleItem().ShouldContain("grant \"list\" on \"pods\"");
        // The backoff doubled from 800 ms between the attempts (the fast clock records what was asked).
        Clock.Timers.Where(t => t >= TimeSpan.FromMilliseconds(800) && t <= TimeSpan.FromSeconds(30)).Take(3)
            .ShouldBe([TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600), TimeSpan.FromMilliseconds(3200)]);
    }

    private static string WatchEvent(string type, JsonObject item) => new JsonObject { ["type"] = type, ["object"] = item }.ToJsonString() + "\n";
}
