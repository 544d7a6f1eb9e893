using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Controllers;

/// <summary>
/// Which controller a snapshot pod belongs to, in one place for the audit and the rollouts: its controlling owner
/// reference (<see cref="ClusterPod.Controller"/>, as apimachinery's metav1.GetControllerOf), and for a ReplicaSet the
/// Deployment above it, by the name the Deployment controller gives its ReplicaSets, <c>&lt;deployment&gt;-&lt;hash&gt;</c>
/// with the hash on the pod's <c>pod-template-hash</c> label (pkg/controller/deployment/sync.go, getNewReplicaSet;
/// Kubernetes 1.35).
/// </summary>
internal static class PodOwnership
{
    /// <summary>The label the Deployment controller puts on a ReplicaSet's pods.</summary>
    public const string PodTemplateHash = "pod-template-hash";

    /// <summary>
    /// The Deployment whose ReplicaSet <paramref name="replicaSet"/> is, read from its name and the pod's
    /// <c>pod-template-hash</c> label; null when the pod carries no hash or the name does not end with it.
    /// </summary>
    public static string? DeploymentOf(string replicaSet, ClusterPod pod)
    {
        ArgumentNullException.ThrowIfNull(replicaSet);
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Pod.Metadata.Labels.TryGetValue(PodTemplateHash, out var hash)
            && replicaSet.Length > hash.Length + 1
            && replicaSet.EndsWith("-" + hash, StringComparison.Ordinal)
            ? replicaSet[..^(hash.Length + 1)]
            : null;
    }

    /// <summary>
    /// Whether the pod belongs to the workload, as its controller finds it: the same namespace (a pod that names none is
    /// in <paramref name="defaultNamespace"/>), the controlling owner reference (for a Deployment one of its ReplicaSets)
    /// and, where the workload has one, its selector.
    /// </summary>
    public static bool Owns(Workload workload, string @namespace, ClusterPod pod, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Pod.NamespaceOr(defaultNamespace) != @namespace || pod.Controller is not { } owner)
        {
            return false;
        }

        var byOwner = workload.Kind == "Deployment"
            ? owner.Kind == "ReplicaSet" && IsReplicaSetOf(workload.Name, owner.Name, pod)
            : owner.Kind == workload.Kind && owner.Name == workload.Name;
        return byOwner && (workload.Selector?.Matches(pod.Pod.Metadata.Labels) ?? true);
    }

    /// <summary>
    /// By the hash where the pod carries it; a pod without one (written by hand) belongs to the Deployment whose name
    /// and a dash begin the ReplicaSet's name.
    /// </summary>
    private static bool IsReplicaSetOf(string deployment, string replicaSet, ClusterPod pod) =>
        DeploymentOf(replicaSet, pod) is { } named
            ? named == deployment
            : replicaSet.StartsWith(deployment + "-", StringComparison.Ordinal);
}
