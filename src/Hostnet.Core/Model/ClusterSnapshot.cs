using Hostnet.Core.Model;

namespace Hostnet.Core.Model;

/// <summary>
/// What hostnet knows of a running cluster: the objects of a snapshot (<c>kubectl get nodes,pods,namespaces,services
/// -A -o json</c>, or <c>hostnet snapshot</c>), trimmed to what the engine uses, or a synthetic cluster.
/// </summary>
/// <param name="Workloads">Controllers the snapshot carries (Deployments, DaemonSets, …); empty for a kubectl list of pods.</param>
/// <param name="ServerVersion">The API server's version when the snapshot recorded it.</param>
public sealed record ClusterSnapshot(
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<ClusterPod> Pods,
    IReadOnlyList<NamespaceObject> Namespaces,
    IReadOnlyList<Service> Services,
    IReadOnlyList<Workload> Workloads,
    KubeVersion? ServerVersion)
{
    public static ClusterSnapshot Empty { get; } = new([], [], [], [], [], null);

    /// <summary>The NetworkPolicies the snapshot carries (<c>hostnet snapshot</c> lists them; a kubectl list may not).</summary>
    public IReadOnlyList<NetworkPolicy> NetworkPolicies { get; init; } = [];

    /// <summary>The status and controlling owner of each of <see cref="Workloads"/> (by reference); absent for synthetic ones.</summary>
    public IReadOnlyDictionary<Workload, WorkloadStatus> WorkloadStatuses { get; init; } = new Dictionary<Workload, WorkloadStatus>();

    /// <summary>The recorded status of a workload of the snapshot, or an empty one.</summary>
    public WorkloadStatus StatusOf(Workload workload) => WorkloadStatuses.GetValueOrDefault(workload) ?? WorkloadStatus.None;
}
