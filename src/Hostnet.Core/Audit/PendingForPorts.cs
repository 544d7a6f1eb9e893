using Hostnet.Core.Analysis;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Audit;

/// <summary>
/// Pods Pending now because no node has their host ports free, read from the <c>PodScheduled</c> condition the scheduler
/// writes (pkg/scheduler/schedule_one.go, handleSchedulingFailure: reason <c>Unschedulable</c>, the FitError message),
/// one finding per owner, naming who holds the ports (the NodePorts filter's view: declared host ports). When the
/// holders are the owner's own pods it has more replicas than free nodes (HN013); else another workload holds them (HN012).
/// </summary>
internal static class PendingForPorts
{
    public static void Check(LiveState state, AnalysisContext context)
    {
        foreach (var group in state.PendingForPorts.GroupBy(state.Index.OwnerOf))
        {
            var first = group.First();
            var message = LiveState.Unschedulable(first)!.Message!;
            var holders = new List<string>();
            var holderOwners = new HashSet<OwnerKey>();
            foreach (var wanted in HostPorts.Wanted(first.Pod.Spec).GroupBy(b => (b.Port, b.Protocol)))
            {
                var (port, protocol) = wanted.Key;
                var held = state.DeclaredHolders(port, protocol)
                    .Where(h => !ReferenceEquals(state.Index.PodOf(h.Use), first)
                        && wanted.Any(b => HostPortInfo.Conflict(b.HostIP, b.Protocol, b.Port, h.Use.HostIP, h.Use.Protocol, h.Use.Port)))
                    .ToList();
                if (held.Count == 0)
                {
                    continue;
                }

                var owners = held.Select(h => state.Index.PodOf(h.Use) is { } pod ? state.Index.OwnerOf(pod) : null).OfType<OwnerKey>().Distinct().ToList();
                holderOwners.UnionWith(owners);
                var names = owners.Select(o => o.Equals(group.Key) ? $"{o} itself" : o.ToString());
                holders.Add($"{port}/{protocol} is held on {LiveChecks.Plural(held.Select(h => h.Node).Distinct(StringComparer.Ordinal).Count(), "node", "nodes")} by {LiveChecks.List(names)}");
            }

            var self = holderOwners.Count > 0 && holderOwners.All(o => o.Equals(group.Key));
            var count = group.Count();
            var pods = count == 1 ? $"Pod {state.Index.Qualified(first)} of {group.Key} is" : $"{count} pods of {group.Key} (e.g. {state.Index.Qualified(first)}) are";
            context.Report(
                self ? ReplicasExceedNodes.Rule : HostPortConflict.Rule,
                first.Pod,
                null,
                $"{pods} Pending: \"{message}\"" + (holders.Count > 0 ? $"; {string.Join("; ", holders)}" : string.Empty),
                self ? "lower the replicas to the nodes that can take one, or run it as a DaemonSet" : "move one of the workloads to another port, or keep them on separate nodes",
                Diagnostics.Severity.Error);
        }
    }
}
