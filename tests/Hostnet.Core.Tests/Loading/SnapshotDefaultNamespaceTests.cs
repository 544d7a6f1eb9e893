using System.Text;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// A snapshot object without a namespace is read in the configured default namespace, so the reader's own messages
/// (a pod on an unknown node, a duplicate name) name it where the findings do, not in Kubernetes' <c>default</c>.
/// </summary>
public sealed class SnapshotDefaultNamespaceTests
{
    private const string Node = """{"apiVersion":"v1","kind":"Node","metadata":{"name":"a"},"status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"}}}""";

    [Fact]
    public void PodWithoutNamespace_OnAnUnknownNode_IsNamedInTheConfiguredNamespace()
    {
        var result = Read("team", Pod("p1", ns: null, node: "gone"));

        result.Warnings.ShouldHaveSingleItem().Message.ShouldBe("Pod \"team/p1\" is bound to node \"gone\", which is not in the snapshot: listed, but holding no ports or resources on any node");
    }

    [Fact]
    public void PodWithoutNamespace_AndOneInTheConfiguredNamespace_AreDuplicates()
    {
        var result = Read("team", Pod("p1", ns: null, node: "a"), Pod("p1", ns: "team", node: "a"));

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("duplicate Pod \"team/p1\" (first at line 1, column 152)");
    }

    [Fact]
    public void PodWithoutNamespace_AndOneInKubernetesDefault_AreNotDuplicates_WhenAnotherIsConfigured()
    {
        var result = Read("team", Pod("p1", ns: null, node: "a"), Pod("p1", ns: "default", node: "a"));

        result.Errors.ShouldBeEmpty();
        result.Snapshot.Pods.Count.ShouldBe(2);
    }

    [Fact]
    public void WithoutConfiguration_KubernetesDefaultIsMeant()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(List(Pod("p1", ns: null, node: "gone"))));

        SnapshotReader.Read("cluster.json", stream).Warnings.ShouldHaveSingleItem().Message.ShouldStartWith("Pod \"default/p1\" is bound");
    }

    private static ClusterReadResult Read(string defaultNamespace, params string[] pods)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(List(pods)));
        return SnapshotReader.Read("cluster.json", stream, LoaderLimits.Default, defaultNamespace);
    }

    private static string List(params string[] pods) =>
        $$$"""{"apiVersion":"v1","items":[{{{Node}}},{{{string.Join(",", pods)}}}],"kind":"List"}""";

    private static string Pod(string name, string? ns, string node)
    {
        var @namespace = ns is null ? string.Empty : $",\"namespace\":\"{ns}\"";
        return $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}"{{{@namespace}}} },"spec":{"nodeName":"{{{node}}}","containers":[{"name":"c","image":"i"}]},"status":{"phase":"Running"}}""";
    }
}
