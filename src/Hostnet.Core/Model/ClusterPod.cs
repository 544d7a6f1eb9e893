using Hostnet.Core.Model;

namespace Hostnet.Core.Model;

/// <summary>A pod that exists in the cluster: its object (<see cref="Workload"/> of kind Pod) and its status.</summary>
public sealed record ClusterPod(Workload Pod, PodStatus Status, IReadOnlyList<OwnerReference> OwnerReferences)
{
    /// <summary>The node the pod is bound to (<c>spec.nodeName</c>), or null while it is pending.</summary>
    public string? NodeName => string.IsNullOrEmpty(Pod.Spec.NodeName) ? null : Pod.Spec.NodeName;

    /// <summary>The owner with <c>controller: true</c>, as the controllers find their pods.</summary>
    public OwnerReference? Controller
    {
        get
        {
            // A loop, not LINQ: the scheduler's view asks it for each of a snapshot's pods.
            for (var i = 0; i < OwnerReferences.Count; i++)
            {
                if (OwnerReferences[i].Controller)
                {
                    return OwnerReferences[i];
                }
            }

            return null;
        }
    }
}
