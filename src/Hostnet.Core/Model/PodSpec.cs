namespace Hostnet.Core.Model;

/// <summary>The parts of a pod spec that concern host networking, as written (not defaulted).</summary>
/// <param name="Path">Field path of the spec: <c>spec</c> for a Pod, <c>spec.template.spec</c> for a workload.</param>
public sealed record PodSpec(
    string Path,
    bool HostNetwork,
    bool HostPID,
    bool HostIPC,
    bool? HostUsers,
    string? DnsPolicy,
    DnsConfig? DnsConfig,
    string? NodeName,
    string? PriorityClassName,
    IReadOnlyList<Container> Containers,
    IReadOnlyList<Container> InitContainers,
    IReadOnlyList<Container> EphemeralContainers,
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<NodeSelectorTerm> RequiredNodeAffinity,
    IReadOnlyList<PodAffinityTerm> RequiredPodAntiAffinity,
    IReadOnlyList<Toleration> Tolerations,
    SecurityContext SecurityContext,
    IReadOnlyList<Sysctl> Sysctls)
{
    /// <summary><c>spec.hostname</c> as written.</summary>
    public string? Hostname { get; init; }

    /// <summary><c>spec.hostnameOverride</c> as written (HostnameOverride gate: alpha 1.34, beta and on by default 1.35).</summary>
    public string? HostnameOverride { get; init; }

    /// <summary><c>spec.setHostnameAsFQDN</c> as written.</summary>
    public bool? SetHostnameAsFqdn { get; init; }

    /// <summary><c>spec.hostAliases</c> as written.</summary>
    public IReadOnlyList<HostAlias> HostAliases { get; init; } = [];

    /// <summary><c>spec.subdomain</c> as written.</summary>
    public string? Subdomain { get; init; }

    /// <summary><c>spec.volumes</c>.</summary>
    public IReadOnlyList<Volume> Volumes { get; init; } = [];

    /// <summary><c>spec.os.name</c> (<c>linux</c> or <c>windows</c>) when written.</summary>
    public string? OsName { get; init; }

    /// <summary>Required pod affinity terms (<c>affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution</c>).</summary>
    public IReadOnlyList<PodAffinityTerm> RequiredPodAffinity { get; init; } = [];

    /// <summary><c>topologySpreadConstraints</c>, every one (the scheduler filters only on <c>DoNotSchedule</c>).</summary>
    public IReadOnlyList<TopologySpreadConstraint> TopologySpreadConstraints { get; init; } = [];

    /// <summary><c>spec.priority</c> when written (normally the Priority admission plugin sets it from the class).</summary>
    public int? Priority { get; init; }

    /// <summary><c>spec.preemptionPolicy</c> when written: <c>PreemptLowerPriority</c> or <c>Never</c>.</summary>
    public string? PreemptionPolicy { get; init; }

    /// <summary>Init containers, then regular containers, then ephemeral ones: the order Pod Security visits them.</summary>
    /// <remarks>Most specs have regular containers only: then the list itself, with no chain of iterators to walk.</remarks>
    public IEnumerable<Container> AllContainers => InitContainers.Count == 0 && EphemeralContainers.Count == 0
        ? Containers
        : InitContainers.Concat(Containers).Concat(EphemeralContainers);

    /// <summary>The containers that run for the pod's lifetime: regular containers and sidecars.</summary>
    public IEnumerable<Container> LongRunningContainers => InitContainers.Count == 0 ? Containers : InitContainers.Where(c => c.IsSidecar).Concat(Containers);
}
