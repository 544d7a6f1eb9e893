using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics;

namespace Hostnet.Core.Analysis;

/// <summary>Everything that shapes a run besides the input: version, configuration, cluster knowledge.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>The Kubernetes version whose behaviour to mirror.</summary>
    public KubeVersion KubeVersion { get; init; } = KubeVersion.Latest;

    /// <summary>Per-rule severities from <c>.hostnet.yaml</c>; absent rules keep their default.</summary>
    public IReadOnlyDictionary<string, RuleLevel> RuleLevels { get; init; } = new Dictionary<string, RuleLevel>();

    /// <summary>
    /// Whether <paramref name="rule"/> runs at all: a rule set <c>off</c> is skipped whole, so it costs nothing (its
    /// findings would be dropped anyway).
    /// </summary>
    public bool Runs(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return !RuleLevels.TryGetValue(rule.Id, out var level) || level != RuleLevel.Off;
    }

    /// <summary>Ports the nodes own beyond the built-in catalogue (<c>reservedPorts</c> in <c>.hostnet.yaml</c>).</summary>
    public IReadOnlyList<NodeReservedPort> ExtraReservedPorts { get; init; } = [];

    /// <summary>The namespace of objects that name none, as <c>kubectl apply</c> would use.</summary>
    public string DefaultNamespace { get; init; } = KubeObject.KubernetesDefaultNamespace;
}
