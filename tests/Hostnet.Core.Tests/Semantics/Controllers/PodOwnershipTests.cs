using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Controllers;

public sealed class PodOwnershipTests
{
    private static Workload Deployment(string name) => Objects.One<Workload>(
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}}}\nspec:\n  selector: {{matchLabels: {{app: web}}}}\n  template:\n    metadata: {{labels: {{app: web}}}}\n    spec:\n      containers: [{{name: a, image: a}}]\n");

    private static ClusterPod Pod(string replicaSet, string labels, string? @namespace = null) => new(
        Objects.One<Workload>($"apiVersion: v1\nkind: Pod\nmetadata: {{name: {replicaSet}-x{(@namespace is null ? string.Empty : ", namespace: " + @namespace)}, labels: {labels}}}\nspec:\n  containers: [{{name: a, image: a}}]\n"),
        PodStatus.Running,
        [new OwnerReference("ReplicaSet", replicaSet, Controller: true)]);

    [Theory]
    [InlineData("web", true)]
    [InlineData("web-api", false)]
    public void Owns_ReplicaSetNamedByThePodTemplateHash_BelongsToThatDeploymentOnly(string replicaSetOf, bool ownedByWeb)
    {
        // ReplicaSet web-api-6c7d8 starts with "web-", but its hash names Deployment web-api, not web.
        var pod = Pod($"{replicaSetOf}-6c7d8", "{app: web, pod-template-hash: 6c7d8}", "prod");

        PodOwnership.Owns(Deployment("web"), "prod", pod, "default").ShouldBe(ownedByWeb);
        PodOwnership.Owns(Deployment(replicaSetOf), "prod", pod, "default").ShouldBeTrue();
    }

    [Fact]
    public void Owns_PodWithoutHash_ByTheReplicaSetNamePrefix() =>
        PodOwnership.Owns(Deployment("web"), "prod", Pod("web-6c7d8", "{app: web}", "prod"), "default").ShouldBeTrue();

    [Theory]
    [InlineData("prod", true)]
    [InlineData("default", false)]
    public void Owns_PodWithoutNamespace_IsInTheConfiguredDefault(string workloadNamespace, bool owned) =>
        PodOwnership.Owns(Deployment("web"), workloadNamespace, Pod("web-6c7d8", "{app: web, pod-template-hash: 6c7d8}"), "prod").ShouldBe(owned);

    [Theory]
    [InlineData("web-6c7d8", "6c7d8", "web")]
    [InlineData("web-6c7d8", "other", null)]
    [InlineData("6c7d8", "6c7d8", null)]
    public void DeploymentOf_StripsTheHashTheLabelNames(string replicaSet, string hash, string? deployment) =>
        PodOwnership.DeploymentOf(replicaSet, Pod(replicaSet, $"{{pod-template-hash: \"{hash}\"}}")).ShouldBe(deployment);
}
