using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// A snapshot keeps one copy of the parts a controller's pods repeat (containers, volumes, labels), and only of equal
/// values: a pod whose part differs keeps its own, with its own values.
/// </summary>
public sealed class PodInternerTests
{
    private const string Snapshot = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: web-a, namespace: shop, labels: {app: web}}
          spec:
            containers: [{name: web, image: example.com/web:1, args: ["--port=8080"], ports: [{containerPort: 8080}]}]
            volumes: [{name: token, projected: {sources: [{serviceAccountToken: {path: token}}]}}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: web-b, namespace: shop, labels: {app: web}}
          spec:
            containers: [{name: web, image: example.com/web:1, args: ["--port=8080"], ports: [{containerPort: 8080}]}]
            volumes: [{name: token, projected: {sources: [{serviceAccountToken: {path: token}}]}}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: web-c, namespace: shop, labels: {app: web}}
          spec:
            containers: [{name: web, image: example.com/web:2, args: ["--port=8080"], ports: [{containerPort: 8080}]}]
            volumes: [{name: data, emptyDir: {}}]
          status: {phase: Running}
        """;

    [Fact]
    public void Equal_parts_of_pods_are_one_copy()
    {
        var pods = Fixtures.Cluster(Snapshot).Pods;

        pods[1].Pod.Spec.Containers.ShouldBeSameAs(pods[0].Pod.Spec.Containers);
        pods[1].Pod.Spec.Volumes.ShouldBeSameAs(pods[0].Pod.Spec.Volumes);
        pods[1].Pod.Metadata.Labels.ShouldBeSameAs(pods[0].Pod.Metadata.Labels);
    }

    [Fact]
    public void A_pod_with_other_parts_keeps_its_own_values()
    {
        var pods = Fixtures.Cluster(Snapshot).Pods;

        pods[2].Pod.Spec.Containers.ShouldNotBeSameAs(pods[0].Pod.Spec.Containers);
        pods[2].Pod.Spec.Containers[0].Image.ShouldBe("example.com/web:2");
        // The args and ports are equal, so they are the first pod's copies inside a container of its own.
        pods[2].Pod.Spec.Containers[0].Args.ShouldBeSameAs(pods[0].Pod.Spec.Containers[0].Args);
        pods[2].Pod.Spec.Volumes.Select(v => v.Name).ShouldBe(["data"]);
        pods[0].Pod.Spec.Volumes.Select(v => v.Name).ShouldBe(["token"]);
    }

    [Fact]
    public void Equal_labels_in_another_order_are_not_shared_and_keep_their_order()
    {
        // Whichever pod an item reader shares first must not decide the order another pod's labels enumerate in.
        var pods = Fixtures.Cluster("""
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: shop, labels: {app: web, tier: front}}, spec: {containers: [{name: web, image: web}]}}
            - {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: shop, labels: {tier: front, app: web}}, spec: {containers: [{name: web, image: web}]}}
            - {apiVersion: v1, kind: Pod, metadata: {name: c, namespace: shop, labels: {tier: front, app: web}}, spec: {containers: [{name: web, image: web}]}}
            """).Pods;

        pods[0].Pod.Metadata.Labels.Keys.ShouldBe(["app", "tier"]);
        pods[1].Pod.Metadata.Labels.Keys.ShouldBe(["tier", "app"]);
        pods[1].Pod.Metadata.Labels.ShouldNotBeSameAs(pods[0].Pod.Metadata.Labels);
        pods[2].Pod.Metadata.Labels.ShouldBeSameAs(pods[1].Pod.Metadata.Labels);
    }
}
