using Hostnet.Core.Analysis;
using Hostnet.Core.NodeState;
using Hostnet.Core.Rules;

namespace Hostnet.Core.Runs;

/// <summary>Runs the node rules over one view; a pod's <c>hostnet.dev/ignore-&lt;ID&gt;</c> annotation silences its findings.</summary>
public static class NodeAnalyzer
{
    public static NodeReport Analyze(NodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var findings = RuleCatalog.NodeRules
            .SelectMany(rule => rule.Check(view))
            .Select(f => f.Pod?.Pod.Metadata.Annotations.GetValueOrDefault(AnalysisContext.IgnoreAnnotationPrefix + f.Rule.Id) is { } reason ? f with { Suppression = reason } : f)
            .OrderBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Namespace, StringComparer.Ordinal)
            .ThenBy(f => f.PodName, StringComparer.Ordinal)
            .ThenBy(f => f.Port)
            .ThenBy(f => f.Protocol, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new NodeReport(view.Node, view.Listeners, findings);
    }
}
