using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.NodeState;

/// <summary>
/// The pods bound to one node (<c>spec.nodeName</c>) that have not ended, indexed by <c>metadata.uid</c> and by the
/// runtime container IDs of <c>status.containerStatuses[].containerID</c>.
/// </summary>
public sealed class NodePods
{
    private readonly Dictionary<string, ClusterPod> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ClusterPod Pod, string Container)> _byContainer = new(StringComparer.Ordinal);
    private readonly Dictionary<ClusterPod, IReadOnlyList<HostPortBinding>> _hostPorts = new(ReferenceEqualityComparer.Instance);

    public NodePods(string node, IEnumerable<ClusterPod> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        Node = node;
        Pods = [.. pods.Where(p => p.NodeName == node && !p.Status.Ended)
            .OrderBy(p => p.Pod.Metadata.Namespace, StringComparer.Ordinal).ThenBy(p => p.Pod.Name, StringComparer.Ordinal)];
        foreach (var pod in Pods)
        {
            _hostPorts[pod] = HostPorts.Wanted(pod.Pod.Spec);
            if (pod.Pod.Metadata.Uid is { } uid)
            {
                _byUid[uid] = pod;
            }

            foreach (var status in pod.Status.ContainerStatuses)
            {
                if (status.RuntimeId is { Length: > 0 } id)
                {
                    _byContainer[id] = (pod, status.Name);
                }
            }
        }
    }

    public string Node { get; }

    public IReadOnlyList<ClusterPod> Pods { get; }

    /// <summary>
    /// The host ports a pod of <see cref="Pods"/> declares (<see cref="HostPorts.Wanted"/>), worked out once for the
    /// view and the node rules when the view is built; the list is shared and read-only.
    /// </summary>
    /// <param name="pod">One of <see cref="Pods"/> itself: found by reference, so an equal pod that is another object
    /// is an <see cref="ArgumentException"/>.</param>
    public IReadOnlyList<HostPortBinding> HostPortsOf(ClusterPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _hostPorts.TryGetValue(pod, out var bindings) ? bindings : throw new ArgumentException($"pod {pod.Pod.Name} is not bound to node {Node}", nameof(pod));
    }

    /// <summary>Who holds a socket: the pod of its container (or of its pod UID), a daemon of the node, or unknown.</summary>
    public ListenerOwner OwnerOf(NodeProcess? process)
    {
        if (process is null)
        {
            return ListenerOwner.Unknown;
        }

        var cgroup = process.Cgroup;
        if (cgroup.ContainerId is { } id && _byContainer.TryGetValue(id, out var found))
        {
            return new ListenerOwner(OwnerKind.Pod, found.Pod, cgroup.PodUid ?? found.Pod.Pod.Metadata.Uid, found.Container, null);
        }

        return cgroup.PodUid is { } uid
            ? new ListenerOwner(OwnerKind.Pod, _byUid.GetValueOrDefault(uid), uid, null, null)
            : new ListenerOwner(OwnerKind.NodeDaemon, null, null, null, process.Name);
    }
}
