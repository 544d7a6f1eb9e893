using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Audit;

/// <summary>
/// The snapshot's objects by name and owner, built once (each lookup is a dictionary probe, never a scan): who owns
/// each pod at the top (a ReplicaSet's Deployment, a Job's CronJob), and each owner's pods.
/// </summary>
internal sealed class AuditIndex
{
    private readonly Dictionary<(string Namespace, string Kind, string Name), Workload> _workloads = [];
    private readonly Dictionary<string, NamespaceObject> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClusterPod> _podsByOwnerText = new(StringComparer.Ordinal);
    private readonly Dictionary<OwnerKey, List<ClusterPod>> _podsByOwner = [];
    private readonly Dictionary<ClusterPod, OwnerKey> _ownerOfPod = new(ReferenceEqualityComparer.Instance);
    private readonly Func<(string Namespace, string Kind, string Name), Workload?> _workloadNamed;

    // The host ports of the snapshot's pods and workloads, worked out once per shared container list for every pass
    // of the audit that asks; the index is used from one thread.
    private readonly SharedPodParts _parts = new();

    public AuditIndex(ClusterSnapshot snapshot, string defaultNamespace)
    {
        Snapshot = snapshot;
        DefaultNamespace = defaultNamespace;
        _workloadNamed = key => _workloads.GetValueOrDefault(key);
        foreach (var workload in snapshot.Workloads)
        {
            _workloads.TryAdd((NamespaceOf(workload), workload.Kind, workload.Name), workload);
        }

        foreach (var ns in snapshot.Namespaces)
        {
            _namespaces.TryAdd(ns.Name, ns);
        }

        foreach (var pod in snapshot.Pods)
        {
            var owner = Resolve(pod);
            _ownerOfPod[pod] = owner;
            if (!_podsByOwner.TryGetValue(owner, out var pods))
            {
                _podsByOwner[owner] = pods = [];
            }

            pods.Add(pod);

            // Only a pod using the host has a place in the port map, whose entries PodOf resolves.
            if (UsesHost(pod))
            {
                _podsByOwnerText.TryAdd($"Pod {Qualified(pod)}", pod);
            }
        }
    }

    public ClusterSnapshot Snapshot { get; }

    public string DefaultNamespace { get; }

    public IEnumerable<KeyValuePair<OwnerKey, List<ClusterPod>>> PodsByOwner => _podsByOwner;

    /// <summary>A pod as <c>ns/name</c>; with <c>Pod </c> before it, what <see cref="PortMapBuilder"/> writes as its owner.</summary>
    public string Qualified(ClusterPod pod) => $"{NamespaceOf(pod.Pod)}/{pod.Pod.Name}";

    public static bool Ended(ClusterPod pod) => pod.Status.Phase is "Succeeded" or "Failed";

    /// <summary>The host ports pods of this spec want (<see cref="Semantics.Ports.HostPorts.Wanted"/>); the list is shared, never to be changed.</summary>
    public IReadOnlyList<HostPortBinding> HostPorts(PodSpec spec) => _parts.HostPorts(spec);

    /// <summary>Whether pods of this spec use the node's network: host network, or a host port.</summary>
    public bool UsesHost(PodSpec spec) => spec.HostNetwork || _parts.HostPorts(spec).Count > 0;

    /// <summary><see cref="UsesHost(PodSpec)"/> for a pod of the snapshot.</summary>
    public bool UsesHost(ClusterPod pod) => UsesHost(pod.Pod.Spec);

    public string NamespaceOf(Model.KubeObject subject) => subject.NamespaceOr(DefaultNamespace);

    public OwnerKey OwnerOf(ClusterPod pod) => _ownerOfPod[pod];

    public IReadOnlyList<ClusterPod> PodsOf(OwnerKey owner) => _podsByOwner.TryGetValue(owner, out var pods) ? pods : [];

    public Workload? Workload(OwnerKey owner) => _workloads.GetValueOrDefault((owner.Namespace, owner.Kind, owner.Name));

    public NamespaceObject? Namespace(string name) => _namespaces.GetValueOrDefault(name);

    /// <summary>The pod a port map entry's owner names, when it is a pod of the snapshot.</summary>
    public ClusterPod? PodOf(PortUse use) => _podsByOwnerText.GetValueOrDefault(use.Owner);

    /// <summary>The workload's top-level owner: itself, unless a controller owns it (a Deployment owns its ReplicaSets).</summary>
    public OwnerKey OwnerOf(Workload workload)
    {
        var ns = NamespaceOf(workload);
        var (kind, name) = PodOwnership.TopOwner(workload, ns, Snapshot, _workloadNamed);
        return new OwnerKey(ns, kind, name);
    }

    private OwnerKey Resolve(ClusterPod pod)
    {
        var ns = NamespaceOf(pod.Pod);
        var (kind, name) = PodOwnership.TopOwner(pod, ns, Snapshot, _workloadNamed);
        return new OwnerKey(ns, kind, name);
    }
}
