using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Expansion;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Controllers;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// A cluster as kube-scheduler sees it, driven by hostnet's <see cref="Scheduler"/> and <see cref="KubeletAdmission"/>:
/// the nodes (once per name) with a snapshot's running pods bound to them (pods that ended hold nothing, pods on nodes
/// not listed are left out). <c>hostnet plan</c> (Planning/Planner) places its queue on it pod after pod with
/// <see cref="Schedule"/> and <see cref="Bind"/>; the placement rules (the nodes of <c>--cluster</c> and of the input)
/// and <c>ports --free</c> ask what would happen to a workload's pods with <see cref="Place"/> and
/// <see cref="FeasibleNodes"/>, which put the state back, so every question sees the cluster as it is.
/// </summary>
public sealed class ClusterSimulation
{
    private readonly List<(ClusterPod Pod, PodInfo Info)> _running = [];

    // Where RunningOf looks, so that it never scans the cluster per workload: the running pods (their places in _running)
    // by name (the first; a name given twice, which a snapshot rejects, sends bare pods back to a scan), by controller,
    // and for a ReplicaSet's pod also by the Deployment its name and hash give; the ReplicaSet pods whose Deployment only
    // a name prefix tells (PodOwnership.Owns) are kept per namespace.
    private readonly Dictionary<(string Namespace, string Name), int> _runningByName = [];
    private bool _namesRepeat;
    private readonly Dictionary<(string Namespace, string Kind, string Name), List<int>> _runningByController = [];
    private readonly Dictionary<string, List<int>> _unhashedReplicaSetPods = new(StringComparer.Ordinal);
    private readonly string _defaultNamespace;
    private readonly Dictionary<Workload, IReadOnlyList<PodInfo>> _runningOf = new(ReferenceEqualityComparer.Instance);

    // The scheduler of the pods placed in turn (a plan's queue): it carries the rotation from one cycle to the next.
    private readonly Scheduler _scheduler;

    /// <summary>The nodes (a name given twice keeps its first node) with the pods of a snapshot bound to them.</summary>
    public ClusterSimulation(IEnumerable<Node> nodes, IEnumerable<ClusterPod> pods, KubeVersion version, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(pods);
        _defaultNamespace = defaultNamespace;
        Version = version;
        _scheduler = new Scheduler(version);
        Nodes = [.. nodes.DistinctBy(n => n.Name, StringComparer.Ordinal)];
        State = new ClusterState(Nodes);
        var shared = new SharedPodParts();
        var nodesOf = new List<NodeInfo>();
        foreach (var existing in pods)
        {
            if (!existing.Status.Ended && State.Find(existing.NodeName) is { } node)
            {
                _running.Add((existing, ExistingPods.Info(existing, existing.Pod.NamespaceOr(_defaultNamespace), shared)));
                nodesOf.Add(node);
            }
        }

        // Where RunningOf looks is independent of the nodes' state: with a snapshot's 150,000 pods, each is a few
        // hundred milliseconds of dictionary inserts, so the index is built on a second core while the pods are bound.
        var indexing = _running.Count < ParallelIndexFrom ? null : Task.Run(IndexRunning);
        for (var i = 0; i < _running.Count; i++)
        {
            State.Add(_running[i].Info, nodesOf[i]);
        }

        if (indexing is null)
        {
            IndexRunning();
        }
        else
        {
            indexing.GetAwaiter().GetResult();
        }
    }

    /// <summary>How many running pods make a second thread for <see cref="IndexRunning"/> worth its start.</summary>
    private const int ParallelIndexFrom = 10_000;

    /// <summary>The nodes, as given (snapshot first, then the input's Node objects).</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>Whether any node is known; without, the rules reason without a cluster.</summary>
    public bool IsKnown => Nodes.Count > 0;

    public KubeVersion Version { get; }

    /// <summary>The nodes with the snapshot's running pods bound.</summary>
    public ClusterState State { get; }

    /// <summary>The snapshot's pods that hold a node (bound to a listed node, not ended), with their scheduler view, in snapshot order.</summary>
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
            IEnumerable<int> candidates = workload.IsPod
                ? (_namesRepeat ? Enumerable.Range(0, _running.Count) : _runningByName.TryGetValue((@namespace, workload.Name), out var at) ? [at] : [])
                    .Where(i => _running[i].Info.Namespace == @namespace && _running[i].Info.Name == workload.Name)
                : (_runningByController.GetValueOrDefault((@namespace, workload.Kind, workload.Name)) ?? [])
                    .Concat(workload.Kind == "Deployment" ? _unhashedReplicaSetPods.GetValueOrDefault(@namespace) ?? [] : [])
                    .Where(i => PodOwnership.Owns(workload, @namespace, _running[i].Pod, _defaultNamespace))
                    .Order();
            _runningOf[workload] = own = [.. candidates.Select(i => _running[i].Info)];
        }

        return own;
    }

    /// <summary>Records where <see cref="RunningOf"/> finds each running pod.</summary>
    private void IndexRunning()
    {
        for (var at = 0; at < _running.Count; at++)
        {
            var (pod, info) = _running[at];
            Index(pod, info.Namespace, info.Name, at);
        }
    }

    private void Index(ClusterPod pod, string @namespace, string name, int at)
    {
        _namesRepeat |= !_runningByName.TryAdd((@namespace, name), at);
        if (pod.Controller is not { } controller)
        {
            return;
        }

        Add(_runningByController, (@namespace, controller.Kind, controller.Name), at);
        if (controller.Kind != "ReplicaSet")
        {
            return;
        }

        if (PodOwnership.DeploymentOf(controller.Name, pod) is { } deployment)
        {
            Add(_runningByController, (@namespace, "Deployment", deployment), at);
        }
        else
        {
            Add(_unhashedReplicaSetPods, @namespace, at);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int at)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var places))
        {
            index[key] = places = [];
        }

        places.Add(at);
    }

    /// <summary>The pods the workload's controller creates on these nodes (WorkloadExpander).</summary>
    public IReadOnlyList<PodInfo> PodsOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return [.. WorkloadExpander.Expand(workload, workload.NamespaceOr(_defaultNamespace), State.Nodes, Version).Select(p => p.Pod)];
    }

    /// <summary>One scheduling cycle of the pod against the cluster as it is now (the state is left as it was).</summary>
    public ScheduleResult Schedule(PodInfo pod) => _scheduler.Schedule(pod, State);

    /// <summary>Binds the pod to the node, for the next cycles to see it.</summary>
    public void Bind(PodInfo pod, string nodeName) => State.Add(pod, nodeName);

    /// <summary>
    /// Whether some node passes every filter for the pod while the pods of <paramref name="aside"/> are gone
    /// (<see cref="Scheduler.FitsAnywhere"/>): a pod that fits nowhere even then fails whatever the scheduler chose.
    /// </summary>
    public bool FitsAnywhere(PodInfo pod, IReadOnlyList<PodInfo> aside)
    {
        ArgumentNullException.ThrowIfNull(aside);
        return State.Without(aside, () => _scheduler.FitsAnywhere(pod, State));
    }

    /// <summary>
    /// Places the pods one after the other as the scheduler would (a pod naming its node goes to the kubelet, which
    /// admits or rejects it), each bound where it lands so that the next one sees it, while the pods of
    /// <paramref name="aside"/> are gone; then puts the state back as it was. Each call asks a fresh scheduler, so that
    /// every question starts its turn over the nodes from the first.
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
                    var result = ScheduleOrAdmit(scheduler, pod);
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
        return State.Without(Relevant(scheduler, pods, aside), () => pods.SelectMany(p => scheduler.FeasibleNodes(p, State).Select(n => (p, n))).ToArray());
    }

    /// <summary>
    /// The pods of <paramref name="aside"/> whose absence can change where <paramref name="pods"/> fit. When no pod
    /// asked about reads other pods beyond the node it is filtered on (no required pod affinity or anti-affinity, no
    /// <c>DoNotSchedule</c> spreading), a pod set aside counts only on the nodes that pass their node-only filters
    /// (NodePorts, NodeResourcesFit: its ports and requests there) or through its own anti-affinity terms (the
    /// existing pods' anti-affinity that InterPodAffinity checks everywhere); the others can stay. HN012 asks about one
    /// pod of a controller with its thousands of siblings set aside: removing and re-adding them all cost more than the
    /// whole question. Worth it only when the pods set aside far outnumber the pods asked about, whose
    /// node-only filters run once more here.
    /// </summary>
    private IReadOnlyList<PodInfo> Relevant(Scheduler scheduler, IReadOnlyList<PodInfo> pods, IReadOnlyList<PodInfo> aside)
    {
        if (aside.Count < ScopedWhatIfRatio * pods.Count || pods.Any(ReadsOtherNodes))
        {
            return aside;
        }

        var reachable = new bool[State.Nodes.Count];
        foreach (var pod in pods)
        {
            foreach (var node in scheduler.PassingNodeOnly(pod, State))
            {
                reachable[node.Index] = true;
            }
        }

        return [.. aside.Where(p => p.Spec.Spec.RequiredPodAntiAffinity.Count > 0 || State.NodeOf(p) is { } node && reachable[node.Index])];
    }

    /// <summary>How many more pods set aside than pods asked about make <see cref="Relevant"/> worth its filtering.</summary>
    private const int ScopedWhatIfRatio = 8;

    /// <summary>Whether a pod's filters read pods on nodes other than the one filtered (InterPodAffinity, PodTopologySpread).</summary>
    private static bool ReadsOtherNodes(PodInfo pod) =>
        pod.Spec.Spec.RequiredPodAffinity.Count > 0 || pod.Spec.Spec.RequiredPodAntiAffinity.Count > 0 || pod.Spec.Spread.Count > 0;

    private ScheduleResult ScheduleOrAdmit(Scheduler scheduler, PodInfo pod)
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
