using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// What the scheduler derives from a pod spec, computed once and shared by every pod created from it (the replicas
/// of one workload), so that per-template work (node eligibility, host ports, requests) is not repeated per pod.
/// </summary>
public sealed class SchedulingSpec
{
    /// <summary>Priority of the built-in classes (pkg/apis/scheduling/types.go, SystemCriticalPriority + 1000 and + 0).</summary>
    private const int SystemNodeCritical = 2000001000;

    private const int SystemClusterCritical = 2000000000;

    private static readonly IReadOnlySet<string> NoPreFilter = new HashSet<string>();

    // The spec as written and whether the pod is a DaemonSet's, for the node filters, which are derived on first use:
    // the 150,000 running pods of a large snapshot are bound into the cluster's state, yet the scheduler filters nodes
    // only for the pods it places.
    private readonly PodSpec _written;
    private readonly bool _daemonSetPod;
    private NodeEligibility? _eligibility;

    // The NodeAffinity PreFilter's nodes once derived: NoPreFilter stands for null (each is one reference, published whole).
    private IReadOnlySet<string>? _preFilterNodeNames;

    private SchedulingSpec(PodSpec spec, PodSpec written, bool daemonSetPod)
        : this(spec, written, daemonSetPod, HostPorts.Wanted(spec), ResourceAmounts.Requests(spec))
    {
    }

    private SchedulingSpec(PodSpec spec, PodSpec written, bool daemonSetPod, IReadOnlyList<HostPortBinding> ports, ResourceAmounts requests)
    {
        Spec = spec;
        _written = written;
        _daemonSetPod = daemonSetPod;
        Ports = ports;
        Requests = requests;
        Spread = spec.TopologySpreadConstraints.Count == 0 ? [] : [.. spec.TopologySpreadConstraints.Where(c => c.IsFilter)];
        Priority = spec.Priority ?? spec.PriorityClassName switch
        {
            "system-node-critical" => SystemNodeCritical,
            "system-cluster-critical" => SystemClusterCritical,
            _ => 0,
        };
    }

    public PodSpec Spec { get; }

    /// <summary>
    /// The filters that depend on the node alone: unschedulable, node name, taints, node affinity. Worked out on first
    /// use (only pods being placed need them) without a lock: rules run in parallel, and two threads racing here build
    /// equal values from the same spec, which nothing compares by reference.
    /// </summary>
    public NodeEligibility Eligibility =>
        _eligibility ??= _daemonSetPod ? NodeEligibility.ForDaemonSetPod(_written) : NodeEligibility.ForPod(_written);

    /// <summary>The host ports NodePorts sees (after Pod defaulting).</summary>
    public IReadOnlyList<HostPortBinding> Ports { get; }

    /// <summary>The effective resource request.</summary>
    public ResourceAmounts Requests { get; }

    /// <summary>The nodes NodeAffinity's PreFilter restricts the pod to, or null.</summary>
    public IReadOnlySet<string>? PreFilterNodeNames
    {
        get
        {
            var names = _preFilterNodeNames ??= Eligibility.PreFilterNodeNames() ?? NoPreFilter;
            return ReferenceEquals(names, NoPreFilter) ? null : names;
        }
    }

    /// <summary>The <c>DoNotSchedule</c> topology spread constraints.</summary>
    public IReadOnlyList<TopologySpreadConstraint> Spread { get; }

    /// <summary>
    /// <c>spec.priority</c>, else the built-in class named by <c>priorityClassName</c>, else 0 (other classes are
    /// PriorityClass objects hostnet does not read).
    /// </summary>
    public int Priority { get; }

    /// <summary>Whether the pod may not preempt (<c>preemptionPolicy: Never</c>).</summary>
    public bool NeverPreempts => Spec.PreemptionPolicy == "Never";

    public bool HostNetwork => Spec.HostNetwork;

    /// <summary>For a pod created from the spec as written.</summary>
    public static SchedulingSpec ForPod(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SchedulingSpec(spec, spec, daemonSetPod: false);
    }

    /// <summary>
    /// For a pod created from the spec as written, with its host ports and requests already worked out
    /// (<see cref="SharedPodParts"/>: the pods of one template share them).
    /// </summary>
    internal static SchedulingSpec ForPod(PodSpec spec, IReadOnlyList<HostPortBinding> ports, ResourceAmounts requests)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SchedulingSpec(spec, spec, daemonSetPod: false, ports, requests);
    }

    /// <summary>For a DaemonSet pod (the spec already pinned to its node), with the tolerations the controller adds.</summary>
    public static SchedulingSpec ForDaemonSetPod(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ForDaemonSetPod(spec, HostPorts.Wanted(spec), ResourceAmounts.Requests(spec));
    }

    /// <summary>
    /// For a DaemonSet pod, with its host ports and requests already worked out: pinning the template to a node
    /// (<see cref="DaemonSetPods.PodFor"/>) leaves its containers as they are, so the pods of every node share them.
    /// </summary>
    internal static SchedulingSpec ForDaemonSetPod(PodSpec spec, IReadOnlyList<HostPortBinding> ports, ResourceAmounts requests)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SchedulingSpec(spec with { Tolerations = DaemonSetPods.Tolerations(spec) }, spec, daemonSetPod: true, ports, requests);
    }
}
