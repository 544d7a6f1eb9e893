using Hostnet.Core.Cluster;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Expansion;

namespace Hostnet.Core.Analysis;

/// <summary>
/// The cluster the placement rules reason about, as kube-scheduler sees it: the nodes of the snapshot given with
/// <c>--cluster</c> and the Node objects of the input (once per name), with the snapshot's pods bound to them as
/// <c>hostnet plan</c> binds them (pods that ended hold nothing, pods on nodes not listed are left out). Rules ask it
/// what would happen to a workload's pods with <see cref="Place"/>, which runs the <see cref="Scheduler"/> and puts the
/// state back, so every rule sees the cluster as it is.
/// </summary>
public sealed class RunningCluster
{
    private readonly List<(ClusterPod Pod, PodInfo Info)> _running = [];

    // A workload owns only pods of its namespace: looking there keeps RunningOf from scanning the whole cluster per workload.
    private readonly Dictionary<string, List<(ClusterPod Pod, PodInfo Info)>> _runningByNamespace = new(StringComparer.Ordinal);
    private readonly string _defaultNamespace;
    private readonly Dictionary<Workload, IReadOnlyList<PodInfo>> _runningOf = new(ReferenceEqualityComparer.Instance);

    /// <summary>The nodes (a name given twice keeps its first node) with the pods of a snapshot bound to them.</summary>
    public RunningCluster(IEnumerable<Node> nodes, IEnumerable<ClusterPod> pods, KubeVersion version, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(pods);
        _defaultNamespace = defaultNamespace;
        Version = version;
        Nodes = [.. nodes.DistinctBy(n => n.Name, StringComparer.Ordinal)];
        State = new ClusterState(Nodes);
        foreach (var existing in pods)
        {
            if (!existing.Status.Ended && State.Find(existing.NodeName) is { } node)
            {
                var info = ExistingPods.Info(existing, existing.Pod.NamespaceOr(_defaultNamespace));
                State.Add(info, node.Name);
                _running.Add((existing, info));
                AddToNamespace(info.Namespace, existing, info);
            }
        }
    }

    internal RunningCluster(AnalysisContext context)
        : this(context.Cluster.Nodes.Concat(context.Nodes), context.Cluster.Pods, context.Options.KubeVersion, context.Options.DefaultNamespace)
    {
    }

    /// <summary>The nodes, as given (snapshot first, then the input's Node objects).</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>Whether any node is known; without, the rules reason without a cluster.</summary>
    public bool IsKnown => Nodes.Count > 0;

    public KubeVersion Version { get; }

    /// <summary>The nodes with the snapshot's running pods bound.</summary>
    public ClusterState State { get; }

    /// <summary>The snapshot's pods that hold a node (bound to a listed node, not ended), with their scheduler view.</summary>
    public IReadOnlyList<(ClusterPod Pod, PodInfo Info)> Running => _running;

    /// <summary>
    /// The running pods that belong to the workload itself: its controller's (<see cref="PodOwnership"/>), or for a bare Pod the
    /// pod of that name. Applying the workload again replaces them rather than adding to them.
    /// </summary>
    public IReadOnlyList<PodInfo> RunningOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (!_runningOf.TryGetValue(workload, out var own))
        {
            var @namespace = workload.NamespaceOr(_defaultNamespace);
            _runningOf[workload] = own = [.. (_runningByNamespace.GetValueOrDefault(@namespace) ?? [])
                .Where(r => workload.IsPod
                    ? r.Info.Namespace == @namespace && r.Info.Name == workload.Name
                    : PodOwnership.Owns(workload, @namespace, r.Pod, _defaultNamespace))
                .Select(r => r.Info)];
        }

        return own;
    }

    private void AddToNamespace(string @namespace, ClusterPod pod, PodInfo info)
    {
        if (!_runningByNamespace.TryGetValue(@namespace, out var pods))
        {
            _runningByNamespace[@namespace] = pods = [];
        }

        pods.Add((pod, info));
    }

    /// <summary>The pods the workload's controller creates on these nodes (WorkloadExpander).</summary>
    public IReadOnlyList<PodInfo> PodsOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return [.. WorkloadExpander.Expand(workload, workload.NamespaceOr(_defaultNamespace), State.Nodes).Select(p => p.Pod)];
    }

    /// <summary>
    /// Places the pods one after the other as the scheduler would (a pod naming its node goes to the kubelet, which
    /// admits or rejects it), each bound where it lands so that the next one sees it, while the pods of
    /// <paramref name="aside"/> are gone; then puts the state back as it was.
    /// </summary>
    public IReadOnlyList<ScheduleResult> Place(IReadOnlyList<PodInfo> pods, IReadOnlyList<PodInfo> aside)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(aside);
        var scheduler = new Scheduler(Version);
        return State.Without(aside, () =>
        {
            var results = new List<ScheduleResult>(pods.Count);
            var bound = new List<PodInfo>();
            try
            {
                foreach (var pod in pods)
                {
                    var result = Schedule(scheduler, pod);
                    if (result.NodeName is { } nodeName)
                    {
                        State.Add(pod, nodeName);
                        bound.Add(pod);
                    }

                    results.Add(result);
                }
            }
            finally
            {
                foreach (var pod in bound)
                {
                    State.Remove(pod);
                }
            }

            return results;
        });
    }

    /// <summary>
    /// For each pod, the nodes where every filter passes it (<see cref="Scheduler.FeasibleNodes"/>) while the pods of
    /// <paramref name="aside"/> are gone; the pods are not bound, so each is judged on the same state.
    /// </summary>
    public IReadOnlyList<(PodInfo Pod, NodeInfo Node)> FeasibleNodes(IReadOnlyList<PodInfo> pods, IReadOnlyList<PodInfo> aside)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(aside);
        var scheduler = new Scheduler(Version);
        return State.Without(aside, () => pods.SelectMany(p => scheduler.FeasibleNodes(p, State).Select(n => (p, n))).ToArray());
    }

    private ScheduleResult Schedule(Scheduler scheduler, PodInfo pod)
    {
        if (string.IsNullOrEmpty(pod.Spec.Spec.NodeName))
        {
            return scheduler.Schedule(pod, State);
        }

        if (State.Find(pod.Spec.Spec.NodeName) is not { } node)
        {
            return new ScheduleResult(null, 0, true, null);
        }

        var admission = KubeletAdmission.Admit(pod, node);
        return admission.IsAdmitted ? new ScheduleResult(node.Name, 1, true, null) : new ScheduleResult(null, 0, true, admission.Message);
    }
}
