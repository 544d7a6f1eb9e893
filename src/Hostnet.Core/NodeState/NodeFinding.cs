using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.NodeState;

/// <summary>A finding of a node rule (RULES.md section F) about one port of one pod, or of the node.</summary>
/// <param name="Pod">The pod it is about; null when it is about a node daemon.</param>
/// <param name="Container">The container it is about, when one is named.</param>
/// <param name="Suppression">The reason of the pod's <c>hostnet.dev/ignore-&lt;ID&gt;</c> annotation, when silenced.</param>
public sealed record NodeFinding(
    RuleDescriptor Rule,
    Severity Severity,
    string Message,
    string Fix,
    ClusterPod? Pod,
    string? Container,
    int Port,
    string Protocol,
    string? Suppression = null)
{
    public string? Namespace => Pod?.Pod.Metadata.Namespace;

    public string? PodName => Pod?.Pod.Name;

    public bool IsSuppressed => Suppression is not null;
}
