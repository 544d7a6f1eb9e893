using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;

namespace Hostnet.Bench.P2;

/// <summary>
/// The baseline of our own: every filter on every node for every pod, no index and no cache. Node-only filters run
/// through <see cref="DefaultProfile.FilterNode"/> on each node; host ports are compared
/// with every port of every pod on the node; pod anti-affinity visits every placed pod once per incoming pod (as
/// upstream's PreFilter visits every node's pods); the best of the feasible nodes is chosen by the same scoring.
/// With <paramref name="sampled"/> it samples as kube-scheduler and hostnet do (percentageOfNodesToScore): the turn
/// starts where the last one stopped and ends once <see cref="Scheduler.NumFeasibleNodesToFind"/> feasible nodes are
/// found, so that a ratio against it shows the engine (indexes, caches) rather than the sampling.
/// </summary>
internal sealed class NaiveScheduler(KubeVersion version, bool sampled)
{
    private int _nextStartNodeIndex;

    /// <summary>The chosen node (null when none fits) and how many nodes were feasible.</summary>
    public (string? Node, int Feasible) Schedule(PodInfo pod, ClusterState state, IReadOnlyList<(PodInfo Pod, NodeInfo Node)> placed)
    {
        var forbidden = ForbiddenDomains(pod, placed);
        var candidates = pod.Spec.PreFilterNodeNames is { } names ? state.Nodes.Where(n => names.Contains(n.Name)).ToList() : state.Nodes;
        var toFind = sampled ? Scheduler.NumFeasibleNodesToFind(candidates.Count) : candidates.Count;
        var feasible = new List<NodeInfo>();
        var start = sampled ? _nextStartNodeIndex : 0;
        var examined = 0;
        while (examined < candidates.Count && feasible.Count < toFind)
        {
            var node = candidates[(start + examined) % candidates.Count];
            examined++;
            if (DefaultProfile.FilterNode(pod.Spec.Eligibility, node.Node, version).IsSuccess && PortsFree(pod, node) && Fits(pod, node)
                && !Forbidden(node, forbidden))
            {
                feasible.Add(node);
            }
        }

        _nextStartNodeIndex = state.Nodes.Count == 0 ? 0 : (start + examined) % state.Nodes.Count;
        return feasible.Count == 0 ? (null, 0) : (NodeScoring.Best(pod, feasible).Name, feasible.Count);
    }

    private static bool PortsFree(PodInfo pod, NodeInfo node)
    {
        foreach (var wanted in pod.Spec.Ports)
        {
            foreach (var other in node.Pods)
            {
                foreach (var used in other.Spec.Ports)
                {
                    if (wanted.Port > 0 && used.Port == wanted.Port && Protocol(used.Protocol) == Protocol(wanted.Protocol)
                        && (Ip(used.HostIP) == Ip(wanted.HostIP) || Ip(used.HostIP) == "0.0.0.0" || Ip(wanted.HostIP) == "0.0.0.0"))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static string Protocol(string protocol) => protocol.Length == 0 ? "TCP" : protocol;

    private static string Ip(string ip) => ip.Length == 0 ? "0.0.0.0" : ip;

    private static bool Fits(PodInfo pod, NodeInfo node)
    {
        var request = pod.Spec.Requests;
        var free = node.Allocatable - node.Requested;
        return node.Pods.Count + 1 <= node.AllowedPods
            && (request.MilliCpu == 0 || request.MilliCpu <= free.MilliCpu)
            && (request.Memory == 0 || request.Memory <= free.Memory)
            && (request.EphemeralStorage == 0 || request.EphemeralStorage <= free.EphemeralStorage);
    }

    /// <summary>The (key, value) domains the pod may not enter: its own anti-affinity terms and those of placed pods, from one pass over every placed pod.</summary>
    private static HashSet<(string Key, string Value)> ForbiddenDomains(PodInfo pod, IReadOnlyList<(PodInfo Pod, NodeInfo Node)> placed)
    {
        var forbidden = new HashSet<(string Key, string Value)>();
        var own = pod.Spec.Spec.RequiredPodAntiAffinity;
        foreach (var (other, node) in placed)
        {
            foreach (var term in own)
            {
                if (Selects(term, pod.Namespace, other) && node.Node.Metadata.Labels.TryGetValue(term.TopologyKey, out var value))
                {
                    forbidden.Add((term.TopologyKey, value));
                }
            }

            foreach (var term in other.Spec.Spec.RequiredPodAntiAffinity)
            {
                if (Selects(term, other.Namespace, pod) && node.Node.Metadata.Labels.TryGetValue(term.TopologyKey, out var value))
                {
                    forbidden.Add((term.TopologyKey, value));
                }
            }
        }

        return forbidden;
    }

    private static bool Selects(PodAffinityTerm term, string ownerNamespace, PodInfo pod) =>
        term.LabelSelector is { } selector
        && (term.Namespaces.Count > 0 ? term.Namespaces.Contains(pod.Namespace) : ownerNamespace == pod.Namespace)
        && selector.Matches(pod.Labels);

    private static bool Forbidden(NodeInfo node, HashSet<(string Key, string Value)> forbidden)
    {
        if (forbidden.Count == 0)
        {
            return false;
        }

        foreach (var (key, value) in node.Node.Metadata.Labels)
        {
            if (forbidden.Contains((key, value)))
            {
                return true;
            }
        }

        return false;
    }
}
