namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// A filter plugin of the scheduling profile: PreFilter once per pod, then Filter per node. Mirrors the PreFilter and
/// Filter extension points of kube-scheduler's framework (staging/src/k8s.io/kube-scheduler/framework/interface.go).
/// </summary>
public interface IFilterPlugin
{
    /// <summary>The plugin's upstream name, e.g. <c>NodePorts</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the verdict depends on the pod's spec and the node alone, never on other pods; such plugins come first
    /// in the profile, so their verdicts can be computed once per spec and reused.
    /// </summary>
    bool NodeOnly { get; }

    /// <summary>What the plugin will check for this pod: <see cref="PreFilterResult.Skip"/> when nothing.</summary>
    PreFilterResult PreFilter(PodInfo pod, ClusterState state);
}
