using Hostnet.Kube.Listing;

namespace Hostnet.Kube.Snapshot;

/// <summary>What <c>hostnet snapshot</c> lists, in the order the items are written (pods, the biggest list, last).</summary>
public static class SnapshotResources
{
    public static IReadOnlyList<ApiResource> All { get; } =
    [
        new("", "v1", "namespaces", "Namespace"),
        new("", "v1", "nodes", "Node"),
        new("", "v1", "services", "Service"),
        new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"),
        new("apps", "v1", "deployments", "Deployment"),
        new("apps", "v1", "daemonsets", "DaemonSet"),
        new("apps", "v1", "statefulsets", "StatefulSet"),
        new("apps", "v1", "replicasets", "ReplicaSet"),
        new("batch", "v1", "jobs", "Job"),
        new("batch", "v1", "cronjobs", "CronJob"),
        new("", "v1", "pods", "Pod"),
    ];
}
