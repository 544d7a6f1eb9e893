using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Placement;

public sealed class NodeConstraintsTests
{
    private static NodeEligibility Pod(string placement) =>
        NodeEligibility.ForPod(Objects.Spec(placement + "  containers: [{name: a, image: a}]\n"));

    private static string Affinity(params string[] terms) =>
        "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n"
        + string.Concat(terms.Select(t => $"          - matchExpressions: [{t}]\n"));

    public static TheoryData<string, string, bool> Pairs() => new()
    {
        { "  nodeSelector: {pool: a}\n", "  nodeSelector: {pool: b}\n", false },
        { "  nodeSelector: {pool: a}\n", "  nodeSelector: {pool: a, zone: x}\n", true },
        { "  nodeSelector: {pool: a}\n", string.Empty, true },
        { Affinity("{key: pool, operator: In, values: [a, b]}"), Affinity("{key: pool, operator: NotIn, values: [a, b]}"), false },
        { Affinity("{key: pool, operator: In, values: [a, b]}"), Affinity("{key: pool, operator: NotIn, values: [a]}"), true },
        { Affinity("{key: gpu, operator: Exists}"), Affinity("{key: gpu, operator: DoesNotExist}"), false },
        { Affinity("{key: gpu, operator: NotIn, values: [x]}"), Affinity("{key: gpu, operator: DoesNotExist}"), true },
        { Affinity("{key: cores, operator: Gt, values: ['8']}"), Affinity("{key: cores, operator: Lt, values: ['9']}"), false },
        { Affinity("{key: cores, operator: Gt, values: ['8']}"), Affinity("{key: cores, operator: Lt, values: ['10']}"), true },
        { Affinity("{key: pool, operator: In, values: [a]}", "{key: pool, operator: In, values: [c]}"), "  nodeSelector: {pool: c}\n", true },
        { "  nodeName: n1\n", "  nodeName: n2\n", false },
        { "  nodeName: n1\n", "  nodeSelector: {pool: a}\n", true },
        { "  nodeName: n1\n", "  nodeSelector: {kubernetes.io/hostname: n2}\n", false },
        { "  nodeName: n1\n", "  nodeSelector: {kubernetes.io/hostname: n1}\n", true },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void CanShareNodeWith_ProvesDisjointnessOnlyWhenCertain(string first, string second, bool expected)
    {
        Pod(first).CanShareNodeWith(Pod(second)).ShouldBe(expected);
        Pod(second).CanShareNodeWith(Pod(first)).ShouldBe(expected);
    }

    public static TheoryData<string, int?> Pins() => new()
    {
        { string.Empty, null },
        { "  nodeSelector: {pool: a}\n", null },
        { "  nodeSelector: {kubernetes.io/hostname: n1}\n", 1 },
        { "  nodeName: n1\n", 1 },
        { Affinity("{key: kubernetes.io/hostname, operator: In, values: [a, b, c]}"), 3 },
        { Affinity("{key: kubernetes.io/hostname, operator: In, values: [a, b]}", "{key: kubernetes.io/hostname, operator: In, values: [b, c]}"), 3 },
        { Affinity("{key: kubernetes.io/hostname, operator: In, values: [a, b, c]}, {key: kubernetes.io/hostname, operator: NotIn, values: [c]}"), 2 },
        { Affinity("{key: kubernetes.io/hostname, operator: In, values: [a]}", "{key: pool, operator: In, values: [x]}"), null },
        { "  nodeName: a\n" + Affinity("{key: kubernetes.io/hostname, operator: In, values: [a, b]}"), 1 },
    };

    [Theory]
    [MemberData(nameof(Pins))]
    public void PinnedNodes_CountsNamedNodes(string placement, int? expected) =>
        (Pod(placement).PinnedNodes()?.Count).ShouldBe(expected);

    [Fact]
    public void PreFilterNodeNames_OnlyWhenEveryTermNamesNodes()
    {
        Pod("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchFields: [{key: metadata.name, operator: In, values: [a, b]}]\n")
            .PreFilterNodeNames()!.Order().ShouldBe(["a", "b"]);
        Pod(Affinity("{key: pool, operator: In, values: [a]}")).PreFilterNodeNames().ShouldBeNull();
    }
}
