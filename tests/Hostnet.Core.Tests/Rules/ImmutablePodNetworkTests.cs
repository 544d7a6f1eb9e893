using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.Api;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class ImmutablePodNetworkTests
{
    private const string Snapshot = """
        apiVersion: v1
        kind: Pod
        metadata: {name: probe, namespace: edge}
        spec:
          nodeName: worker-1
          containers:
            - name: probe
              image: probe:1
              ports:
                - {containerPort: 7090, protocol: TCP}
        """;

    private const string HostNetworkPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: probe, namespace: edge}
        spec:
          hostNetwork: true
          containers:
            - name: probe
              image: probe:1
              ports:
                - containerPort: 7090
        """;

    private static string? Message(string input, string snapshot, KubeVersion version) =>
        Fixtures.Check(input, options: AnalysisOptions.Default with { KubeVersion = version }, cluster: Fixtures.Cluster(snapshot))
            .Diagnostics.SingleOrDefault(d => d.Rule == ImmutablePodNetwork.Rule)?.Message;

    [Fact]
    public void Check_HostNetworkAdded_QuotesTheApiServer()
    {
        Message(HostNetworkPod, Snapshot, KubeVersion.Latest).ShouldBe(
            "Pod edge/probe already exists, and this changes hostNetwork from false to true and the ports of container probe from [7090/TCP] to [7090/TCP hostPort 7090]: "
            + "a Pod's network cannot change after it is created, so the API server refuses the update (The Pod \"probe\" is invalid: spec: Forbidden: pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative), followed by a diff of the two specs) and the old Pod keeps running as it was");
    }

    [Theory]
    [InlineData(26, "`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")]
    [InlineData(21, "`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds` or `spec.tolerations` (only additions to existing tolerations)")]
    public void Check_OlderReleases_ListTheFieldsAsTheyDid(int minor, string fields)
    {
        Message(HostNetworkPod, Snapshot, new KubeVersion(1, minor)).ShouldNotBeNull().ShouldContain("spec: Forbidden: pod updates may not change fields other than " + fields + ", followed by");
    }

    [Fact]
    public void Check_ContainerAddedToo_ReportsTheContainerCountFirst()
    {
        var input = HostNetworkPod + "\n    - {name: sidecar, image: sidecar:1}\n";

        Message(input, Snapshot, KubeVersion.Latest).ShouldNotBeNull().ShouldContain("(The Pod \"probe\" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers, followed by");
    }

    [Fact]
    public void Check_SamePortsAfterDefaulting_IsNotReported()
    {
        var input = HostNetworkPod.Replace("  hostNetwork: true\n", string.Empty, StringComparison.Ordinal).Replace("probe:1", "probe:2", StringComparison.Ordinal);

        Message(input, Snapshot, KubeVersion.Latest).ShouldBeNull();
    }

    [Fact]
    public void Check_OtherNamespace_IsAnotherPod()
    {
        Message(HostNetworkPod.Replace("namespace: edge", "namespace: lab", StringComparison.Ordinal), Snapshot, KubeVersion.Latest).ShouldBeNull();
    }
}
