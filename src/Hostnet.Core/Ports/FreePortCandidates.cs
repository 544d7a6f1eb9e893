using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;

namespace Hostnet.Core.Ports;

/// <summary>
/// The nodes <c>hostnet ports --free</c> looks on: those where every workload of the manifests could run, by the
/// <see cref="Scheduling.Scheduler"/>'s filters on the cluster as it runs (node name, taints, node affinity,
/// resources, pod affinity and spreading; a DaemonSet: the nodes its controller creates a pod for and the scheduler
/// can place it on). The workloads' own host ports are left out of the question: they are the ports being looked for.
/// </summary>
internal static class FreePortCandidates
{
    public static IReadOnlyList<string> Nodes(ClusterSimulation cluster, IReadOnlyList<Workload> workloads, string? only)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(workloads);
        IEnumerable<Node> candidates = cluster.Nodes.Where(n => only is null || n.Name == only);
        foreach (var workload in workloads)
        {
            var pods = cluster.PodsOf(Portless(workload)).DistinctBy(p => p.Spec).ToArray();
            var fits = cluster.FeasibleNodes(pods, cluster.RunningOf(workload)).Select(c => c.Node.Name).ToHashSet(StringComparer.Ordinal);
            candidates = candidates.Where(n => fits.Contains(n.Name));
        }

        return [.. candidates.Select(n => n.Name)];
    }

    private static Workload Portless(Workload workload)
    {
        var spec = workload.Spec with
        {
            Containers = [.. workload.Spec.Containers.Select(c => c with { Ports = [] })],
            InitContainers = [.. workload.Spec.InitContainers.Select(c => c with { Ports = [] })],
        };
        return workload with { Template = workload.Template with { Spec = spec } };
    }
}
