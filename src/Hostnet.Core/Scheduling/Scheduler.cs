using System.Runtime.InteropServices;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// One scheduling cycle per pod, as kube-scheduler's default profile runs it (pkg/scheduler/schedule_one.go):
/// PreFilter every plugin, filter the nodes in profile order starting where the previous cycle stopped and stopping
/// each node at its first rejection, stop looking once enough feasible nodes are found (numFeasibleNodesToFind), then
/// pick one (<see cref="NodeScoring"/>). A pod that fits nowhere gets the <c>FailedScheduling</c> message built by
/// <see cref="FitError"/>, with DefaultPreemption's PostFilter part. <see cref="Schedule"/> does not bind: the caller
/// adds the pod to the <see cref="ClusterState"/> on the chosen node (or not, to ask "what if").
/// </summary>
internal sealed class Scheduler
{
    /// <summary>schedule_one.go, minFeasibleNodesToFind and minFeasibleNodesPercentageToFind.</summary>
    private const int MinFeasibleNodesToFind = 100;

    private const int MinFeasibleNodesPercentageToFind = 5;

    private readonly IFilterPlugin[] _plugins;
    private FilterStatus[] _rejected = [];
    private int _nextStartNodeIndex;
    private (SchedulingSpec Spec, string Namespace, IReadOnlyDictionary<string, string> Labels, ClusterState State, long Version, ScheduleResult Result)? _lastFailure;

    public Scheduler(KubeVersion version)
    {
        Version = version;
        _plugins = [.. DefaultProfile.Filters(version)];
    }

    public KubeVersion Version { get; }

    /// <summary>Runs one scheduling cycle for the pod against the state; the state is left as it was.</summary>
    public ScheduleResult Schedule(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Nodes.Count == 0)
        {
            return new ScheduleResult(null, 0, true, FitError.NoNodesAvailable);
        }

        // A pod like the last one that failed, on an unchanged state, fails the same way (replicas of one workload).
        if (_lastFailure is { } last && ReferenceEquals(last.Spec, pod.Spec) && last.Namespace == pod.Namespace
            && ReferenceEquals(last.Labels, pod.Labels) && ReferenceEquals(last.State, state) && last.Version == state.Version)
        {
            return last.Result;
        }

        var cycle = PreFilter(pod, state);
        var candidates = cycle.NodeNames is null ? state.Nodes : Restricted(cycle.NodeNames, state);
        var toFind = NumFeasibleNodesToFind(candidates.Count);

        // A buffer reused from cycle to cycle: a cycle over thousands of nodes allocates nothing per node.
        if (_rejected.Length < state.Nodes.Count)
        {
            _rejected = new FilterStatus[state.Nodes.Count];
        }

        var start = _nextStartNodeIndex;
        var choice = new NodeChoice(pod, state.NodesOf(pod.Owner));
        var verdicts = cycle.NodeNames is null ? state.StaticVerdicts(this, pod.Spec, n => RunFilters(cycle.NodeOnly, n)) : null;
        var examined = verdicts is null
            ? FilterEach(candidates, cycle, start, toFind, ref choice)
            : FilterPassing(state.NodeSpan, verdicts.Passing, cycle.Others, start, toFind, ref choice);
        _nextStartNodeIndex = (start + examined) % state.Nodes.Count;
        if (choice.Best is { } best)
        {
            return new ScheduleResult(best.Name, choice.Offered, examined == candidates.Count, null);
        }

        // No node fits, so every candidate was examined and rejected: their statuses make the FailedScheduling message.
        var statuses = new Dictionary<string, FilterStatus>(examined, StringComparer.Ordinal);
        for (var i = 0; i < examined; i++)
        {
            var node = candidates[(start + i) % candidates.Count];
            statuses[node.Name] = verdicts is null ? _rejected[i]
                : verdicts.Of(node.Index) is { IsSuccess: false } verdict ? verdict
                : _rejected[node.Index];
        }

        var result = Unschedulable(pod, state, cycle.NodeNames is not null, statuses);
        _lastFailure = (pod.Spec, pod.Namespace, pod.Labels, state, state.Version, result);
        return result;
    }

    /// <summary>
    /// Filters the candidates in turn from <paramref name="start"/>, each through every filter, offering each feasible
    /// one to the choice until enough are found; a rejection is kept by position in the turn. Returns how many were
    /// examined.
    /// </summary>
    private int FilterEach(IReadOnlyList<NodeInfo> candidates, Cycle cycle, int start, int toFind, ref NodeChoice choice)
    {
        var examined = 0;
        for (; examined < candidates.Count && choice.Offered < toFind; examined++)
        {
            var node = candidates[(start + examined) % candidates.Count];
            var status = RunFilters(cycle.NodeOnly, node);
            if (status.IsSuccess)
            {
                status = RunFilters(cycle.Others, node);
            }

            if (status.IsSuccess)
            {
                choice.Offer(node);
            }
            else
            {
                _rejected[examined] = status;
            }
        }

        return examined;
    }

    /// <summary>
    /// The same turn over every node, visiting only the nodes that pass the node-only filters (the others are rejected
    /// whatever the other pods do): the turn examines the same nodes and finds the same feasible ones, without a step
    /// per rejected node. A rejection is kept by node index. Returns how many nodes the turn examined.
    /// </summary>
    private int FilterPassing(ReadOnlySpan<NodeInfo> nodes, int[] passing, List<Func<NodeInfo, FilterStatus>> others, int start, int toFind, ref NodeChoice choice)
    {
        var first = Array.BinarySearch(passing, start);
        first = first < 0 ? ~first : first;
        for (var i = 0; i < passing.Length; i++)
        {
            var index = passing[(first + i) % passing.Length];
            var node = nodes[index];
            var status = RunFilters(others, node);
            if (!status.IsSuccess)
            {
                _rejected[index] = status;
                continue;
            }

            choice.Offer(node);
            if (choice.Offered == toFind)
            {
                return ((index - start + nodes.Length) % nodes.Length) + 1;
            }
        }

        return nodes.Length;
    }

    /// <summary>The nodes a PreFilter restricted the pod to, in the state's order (names the state does not list are left out).</summary>
    private static List<NodeInfo> Restricted(IReadOnlySet<string> names, ClusterState state)
    {
        var nodes = new List<NodeInfo>(names.Count);
        foreach (var name in names)
        {
            if (state.Find(name) is { } node)
            {
                nodes.Add(node);
            }
        }

        nodes.Sort((a, b) => a.Index.CompareTo(b.Index));
        return nodes;
    }

    /// <summary>The filters of one pod on one node, in profile order, as if it were scheduled now (kubelet admission and preemption use it).</summary>
    public FilterStatus Filter(PodInfo pod, ClusterState state, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var cycle = PreFilter(pod, state);
        var status = RunFilters(cycle.NodeOnly, node);
        return status.IsSuccess ? RunFilters(cycle.Others, node) : status;
    }

    /// <summary>
    /// Whether some node passes every filter for the pod now, examining every node (no sampling, no rotation): how
    /// hostnet tells a pod that cannot be placed whatever the scheduler chose from one that lost a race.
    /// </summary>
    public bool FitsAnywhere(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(state);
        return Feasible(pod, state).Any();
    }

    /// <summary>
    /// Every node that passes every filter for the pod now, in node order, examining every node once after one
    /// PreFilter (no sampling, no rotation): where the pod could go, whatever the scheduler would pick.
    /// </summary>
    public IReadOnlyList<NodeInfo> FeasibleNodes(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(state);
        return [.. Feasible(pod, state).OrderBy(n => n.Index)];
    }

    /// <summary>The nodes passing every filter after one PreFilter, lazily, in no particular order.</summary>
    private IEnumerable<NodeInfo> Feasible(PodInfo pod, ClusterState state)
    {
        var cycle = PreFilter(pod, state);
        return PassingNodeOnly(cycle, state).Where(node => RunFilters(cycle.Others, node).IsSuccess);
    }

    /// <summary>
    /// The nodes that pass the filters reading only the pod's spec and the node (<see cref="INodeFilterPlugin"/>), lazily:
    /// whatever pods run or are set aside, the pod can go nowhere else.
    /// </summary>
    public IEnumerable<NodeInfo> PassingNodeOnly(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(state);
        return PassingNodeOnly(PreFilter(pod, state), state);
    }

    private static IEnumerable<NodeInfo> PassingNodeOnly(Cycle cycle, ClusterState state)
    {
        var candidates = cycle.NodeNames is null ? state.Nodes : [.. cycle.NodeNames.Select(state.Find).OfType<NodeInfo>()];
        return candidates.Where(node => RunFilters(cycle.NodeOnly, node).IsSuccess);
    }

    private Cycle PreFilter(PodInfo pod, ClusterState state)
    {
        var nodeOnly = new List<Func<NodeInfo, FilterStatus>>();
        var others = new List<Func<NodeInfo, FilterStatus>>();
        IReadOnlySet<string>? names = null;
        foreach (var plugin in _plugins)
        {
            var result = plugin.PreFilter(pod, state);
            if (result.NodeNames is { } restricted)
            {
                names = names is null ? restricted : new HashSet<string>(names.Intersect(restricted), StringComparer.Ordinal);
            }

            if (result.Filter is { } filter)
            {
                (plugin is INodeFilterPlugin ? nodeOnly : others).Add(filter);
            }
        }

        return new Cycle(nodeOnly, others, names);
    }

    private static FilterStatus RunFilters(List<Func<NodeInfo, FilterStatus>> filters, NodeInfo node)
    {
        foreach (var filter in CollectionsMarshal.AsSpan(filters))
        {
            var status = filter(node);
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return FilterStatus.Success;
    }

    private ScheduleResult Unschedulable(PodInfo pod, ClusterState state, bool restricted, Dictionary<string, FilterStatus> statuses)
    {
        var absent = restricted && Diagnosis.FilteredOutByPreFilter(PluginNames.NodeAffinity, Version) is { } reason
            ? FilterStatus.Unresolvable(PluginNames.NodeAffinity, reason)
            : null;
        var diagnosis = new Diagnosis(statuses, absent);
        if (pod.Spec.NeverPreempts)
        {
            diagnosis = diagnosis with { PostFilterMessage = DefaultPreemption.NotEligibleMessage(Version) };
            return new ScheduleResult(null, 0, true, new FitError(state.Nodes.Count, diagnosis).Error(Version));
        }

        string? nominated = null;
        var postFilter = DefaultPreemption.PostFilterMessage(state.Nodes.Count, diagnosis, Version, nodeName =>
        {
            var verdict = AfterEvictingLowerPriority(pod, state, state.Find(nodeName)!);
            if (verdict?.IsSuccess == true && (nominated is null || string.CompareOrdinal(nodeName, nominated) < 0))
            {
                nominated = nodeName;
            }

            return verdict is { IsSuccess: false } ? verdict : null;
        });

        // A successful preemption ends the PostFilter phase without a message: the pod waits, nominated, for its victims to go.
        diagnosis = diagnosis with { PostFilterMessage = nominated is null ? postFilter : null };
        return new ScheduleResult(null, 0, true, new FitError(state.Nodes.Count, diagnosis).Error(Version), nominated);
    }

    /// <summary>
    /// SelectVictimsOnNode: the node's verdict once every pod of lower priority is gone; null when there is none to
    /// evict (upstream: "No preemption victims found for incoming pod").
    /// </summary>
    private FilterStatus? AfterEvictingLowerPriority(PodInfo pod, ClusterState state, NodeInfo node)
    {
        // Most nodes hold no pod of lower priority: a failing pod asks every node, so find that out without visiting its pods.
        if (node.LowestPriority >= pod.Priority)
        {
            return null;
        }

        List<PodInfo>? victims = null;
        for (var i = 0; i < node.Pods.Count; i++)
        {
            if (node.Pods[i].Priority < pod.Priority)
            {
                (victims ??= []).Add(node.Pods[i]);
            }
        }

        return victims is null ? null : state.Without(victims, () => Filter(pod, state, node));
    }

    /// <summary>
    /// schedule_one.go, numFeasibleNodesToFind with the default (adaptive) percentageOfNodesToScore. Internal so the
    /// P2 benchmark's naive baseline can sample as this scheduler does.
    /// </summary>
    internal static int NumFeasibleNodesToFind(int numAllNodes)
    {
        if (numAllNodes < MinFeasibleNodesToFind)
        {
            return numAllNodes;
        }

        var percentage = Math.Max(50 - (numAllNodes / 125), MinFeasibleNodesPercentageToFind);
        return Math.Max(numAllNodes * percentage / 100, MinFeasibleNodesToFind);
    }

    private sealed record Cycle(List<Func<NodeInfo, FilterStatus>> NodeOnly, List<Func<NodeInfo, FilterStatus>> Others, IReadOnlySet<string>? NodeNames);
}
