using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Placement;

/// <summary>
/// Port of Test_mutatePodAffinity, pkg/registry/core/pod/strategy_test.go (required terms; hostnet reads no preferred
/// ones): a term is written <c>selector|matchLabelKeys|mismatchLabelKeys</c>, the expected selector's expressions as
/// <c>key op value</c> joined by "; " (<c>null</c>: no selector). The Pod's labels are country=Japan, city=Kyoto.
/// </summary>
public sealed class PodAffinityLabelKeysTests
{
    private const string Asia = "{matchLabels: {region: Asia}}";

    private static readonly Dictionary<string, string> Labels = new() { ["country"] = "Japan", ["city"] = "Kyoto" };

    [Theory]
    [InlineData("matchLabelKeys are merged into labelSelector with In and mismatchLabelKeys are merged with NotIn", Asia, "[country]", "[city]", "1.31", "country In Japan; city NotIn Kyoto")]
    [InlineData("keys, which are not found in Pod labels, are ignored", Asia, "[city, not-found]", "[]", "1.31", "city In Kyoto")]
    [InlineData("matchLabelKeys is ignored if the labelSelector is nil", "null", "[country]", "[city]", "1.31", "null")]
    [InlineData("the feature gate is disabled and matchLabelKeys is ignored", Asia, "[country]", "[city]", "1.30", "")]
    public void Applied_MatchesUpstream(string name, string selector, string matchLabelKeys, string mismatchLabelKeys, string version, string expressions)
    {
        var term = $"{{topologyKey: zone, labelSelector: {selector}, matchLabelKeys: {matchLabelKeys}, mismatchLabelKeys: {mismatchLabelKeys}}}";
        var spec = Objects.Spec("  " + $"{{affinity: {{podAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: [{term}]}}, podAntiAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: [{term}]}}}}, containers: [{{name: c}}]}}");
        KubeVersion.TryParse(version, out var kubeVersion).ShouldBeTrue();

        var applied = PodAffinityLabelKeys.Applied(spec, Labels, kubeVersion);

        Describe(applied.RequiredPodAffinity.ShouldHaveSingleItem()).ShouldBe(expressions, name);
        Describe(applied.RequiredPodAntiAffinity.ShouldHaveSingleItem()).ShouldBe(expressions, name);
        applied.RequiredPodAffinity[0].LabelSelector?.MatchLabels.ShouldBe(spec.RequiredPodAffinity[0].LabelSelector?.MatchLabels);
    }

    private static string Describe(PodAffinityTerm term) =>
        term.LabelSelector is { } selector ? string.Join("; ", selector.MatchExpressions.Select(e => $"{e.Key} {e.Operator} {string.Join(",", e.Values)}")) : "null";
}
