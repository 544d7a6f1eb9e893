using Hostnet.Core.Scheduling.Cache;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// A filter plugin of the scheduling profile: PreFilter once per pod, then Filter per node. Mirrors the PreFilter and
/// Filter extension points of kube-scheduler's framework (staging/src/k8s.io/kube-scheduler/framework/interface.go,
/// v1.35).
/// </summary>
internal interface IFilterPlugin
{
    /// <summary>The plugin's upstream name (<see cref="Plugins.PluginNames"/>), e.g. <c>NodePorts</c>.</summary>
    string Name { get; }

    /// <summary>What the plugin will check for this pod: <see cref="PreFilterResult.Skip"/> when nothing.</summary>
    PreFilterResult PreFilter(PodInfo pod, ClusterState state);
}
