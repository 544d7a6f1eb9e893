using System.Text;
using System.Text.Json.Nodes;
using Hostnet.Kube.Snapshot;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Snapshot;

public sealed class SnapshotWriterTests : FakeServerTestBase
{
    [Fact]
    public async Task Write_RecordedCluster_OneTrimmedListWithVersionAndKinds()
    {
        ServeRecordedCluster(Server);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock);
        using var output = new MemoryStream();

        var summary = await new SnapshotWriter(client).WriteAsync(output, null, CancellationToken.None);

        var list = JsonNode.Parse(Encoding.UTF8.GetString(output.ToArray()))!.AsObject();
        list["apiVersion"]!.GetValue<string>().ShouldBe("v1");
        list["kind"]!.GetValue<string>().ShouldBe("List");
        list["metadata"]!["annotations"]!["hostnet.dev/server-version"]!.GetValue<string>().ShouldBe("v1.31.2");
        var items = list["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        items.Select(i => $"{i["apiVersion"]} {i["kind"]}").ShouldBe(["v1 Node", "apps/v1 Deployment", "v1 Pod"]);
        summary.Counts.Single(c => c.Key.Kind == "Pod").Value.ShouldBe(1);
        summary.NotServed.Select(r => r.ToString()).ShouldBe(["cronjobs.batch"]);

        var pod = items[2];
        pod["metadata"]!.AsObject().ContainsKey("managedFields").ShouldBeFalse();
        pod["metadata"]!["annotations"]!.AsObject().Select(a => a.Key).ShouldBe(["prometheus.io/port"]);
        pod["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>().ShouldBe("ReplicaSet");
        pod["spec"]!.AsObject().ContainsKey("volumes").ShouldBeFalse();
        pod["spec"]!["containers"]![0]!["volumeMounts"].ShouldNotBeNull();
        pod["spec"]!["hostNetwork"]!.GetValue<bool>().ShouldBeTrue();
        pod["status"]!.AsObject().Select(p => p.Key).ShouldBe(["phase", "conditions", "hostIP", "podIP", "containerStatuses"]);

        var node = items[0];
        node["status"]!.AsObject().Select(p => p.Key).ShouldBe(["capacity", "allocatable", "conditions", "addresses", "nodeInfo"]);
        node["spec"]!["taints"]![0]!["key"]!.GetValue<string>().ShouldBe("dedicated");

        var deployment = items[1];
        deployment["metadata"]!["annotations"]!.AsObject().Select(a => a.Key).ShouldBe(["deployment.kubernetes.io/revision"]);
        deployment["spec"]!["template"]!["spec"]!.AsObject().ContainsKey("volumes").ShouldBeFalse();
        deployment["spec"]!["strategy"]!["rollingUpdate"]!["maxSurge"]!.GetValue<string>().ShouldBe("25%");
        deployment["status"]!["updatedReplicas"]!.GetValue<int>().ShouldBe(1);
    }

    /// <summary>A version, one node, one deployment, one pod, empty lists for the rest, and no batch/v1 CronJobs (an old server).</summary>
    internal static void ServeRecordedCluster(FakeApiServer server) => server.Respond = r => r.Path switch
    {
        "/version" => FakeResponse.Json(ApiObjects.Version),
        "/api/v1/nodes" => FakeResponse.Json(ApiObjects.List("v1", "Node", [ApiObjects.Recorded("node")])),
        "/apis/apps/v1/deployments" => FakeResponse.Json(ApiObjects.List("apps/v1", "Deployment", [ApiObjects.Recorded("deployment")])),
        "/api/v1/pods" => FakeResponse.Json(ApiObjects.List("v1", "Pod", [ApiObjects.Recorded("pod")])),
        "/apis/batch/v1/cronjobs" => FakeResponse.Error(404, "NotFound", "the server could not find the requested resource"),
        _ => FakeResponse.Json(ApiObjects.List("v1", "Thing", [])),
    };
}
