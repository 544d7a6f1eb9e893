namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// The names of the plugins of the default profile, one constant each, as pkg/scheduler/framework/plugins/names/names.go
/// (v1.35) keeps them: the profile, the <c>FailedScheduling</c> reasons and the kubelet's predicate messages name them.
/// </summary>
internal static class PluginNames
{
    public const string NodeUnschedulable = "NodeUnschedulable";

    public const string NodeName = "NodeName";

    public const string TaintToleration = "TaintToleration";

    public const string NodeAffinity = "NodeAffinity";

    public const string NodePorts = "NodePorts";

    public const string NodeResourcesFit = "NodeResourcesFit";

    public const string PodTopologySpread = "PodTopologySpread";

    public const string InterPodAffinity = "InterPodAffinity";

    public const string DefaultPreemption = "DefaultPreemption";
}
