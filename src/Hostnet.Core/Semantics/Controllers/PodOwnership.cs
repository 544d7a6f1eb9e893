using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Controllers;

/// <summary>
/// Which controller a snapshot pod belongs to, in one place for the audit, the cluster simulation and the rollouts:
/// forwards (<see cref="Owns"/>: a workload's pods) and backwards (<see cref="TopOwner(ClusterPod, string, ClusterSnapshot, Func{ValueTuple{string, string, string}, Workload?})"/>:
/// the owner at the top of a pod's chain); its controlling owner reference (<see cref="ClusterPod.Controller"/>, as apimachinery's metav1.GetControllerOf), and for a ReplicaSet the
/// Deployment above it, by the name the Deployment controller gives its ReplicaSets, <c>&lt;deployment&gt;-&lt;hash&gt;</c>
/// with the hash on the pod's <c>pod-template-hash</c> label (pkg/controller/deployment/sync.go, getNewReplicaSet;
/// Kubernetes 1.35).
/// </summary>
internal static class PodOwnership
{
    /// <summary>The label the Deployment controller puts on a ReplicaSet's pods.</summary>
    public const string PodTemplateHash = "pod-template-hash";

    /// <summary>How many controlling owners above a workload are followed (a Job's CronJob is two steps above a pod).</summary>
    private const int MaxOwnerDepth = 4;

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
    /// The top-level owner of a pod of a snapshot, as kind and name (its namespace is the pod's): the pod itself when
    /// no controller owns it; else its controller's <see cref="TopOwner(Workload, string, ClusterSnapshot, Func{ValueTuple{string, string, string}, Workload?})"/>
    /// when the snapshot has the controller; else, for a ReplicaSet the snapshot lacks (a list of pods only), the
    /// Deployment its name and the pod's hash give (<see cref="DeploymentOf"/>); else the controller as the pod names it.
    /// </summary>
    /// <param name="workloadNamed">The snapshot's workload of that namespace, kind and name, or null.</param>
    public static (string Kind, string Name) TopOwner(ClusterPod pod, string @namespace, ClusterSnapshot snapshot, Func<(string Namespace, string Kind, string Name), Workload?> workloadNamed)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(workloadNamed);
        if (pod.Controller is not { } controller)
        {
            return ("Pod", pod.Pod.Name);
        }

        if (workloadNamed((@namespace, controller.Kind, controller.Name)) is { } workload)
        {
            return TopOwner(workload, @namespace, snapshot, workloadNamed);
        }

        return controller.Kind == "ReplicaSet" && DeploymentOf(controller.Name, pod) is { } deployment
            ? ("Deployment", deployment)
            : (controller.Kind, controller.Name);
    }

    /// <summary>
    /// The top of a snapshot workload's chain of controlling owners (status of the snapshot, <see cref="ClusterSnapshot.StatusOf"/>):
    /// itself unless a controller owns it (a Deployment owns its ReplicaSets, a CronJob its Jobs), followed while the
    /// snapshot has the owner; an owner it lacks ends the chain with its kind and name.
    /// </summary>
    /// <param name="workloadNamed">The snapshot's workload of that namespace, kind and name, or null.</param>
    public static (string Kind, string Name) TopOwner(Workload workload, string @namespace, ClusterSnapshot snapshot, Func<(string Namespace, string Kind, string Name), Workload?> workloadNamed)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(workloadNamed);
        var top = (workload.Kind, workload.Name);
        var current = workload;
        for (var depth = 0; depth < MaxOwnerDepth && snapshot.StatusOf(current).Controller is { } controller; depth++)
        {
            top = (controller.Kind, controller.Name);
            if (workloadNamed((@namespace, controller.Kind, controller.Name)) is not { } parent)
            {
                break;
            }

            current = parent;
        }

        return top;
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
