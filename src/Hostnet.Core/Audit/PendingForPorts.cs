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
            foreach (var wanted in state.Index.HostPorts(first.Pod.Spec).GroupBy(b => (b.Port, b.Protocol)))
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
                var names = LiveChecks.List(owners.Select(o => o.Equals(group.Key) ? HostPortConflict.Messages.ItselfHolder.With(o) : o.ToString()));
                var nodes = held.Select(h => h.Node).Distinct(StringComparer.Ordinal).Count();
                holders.Add(nodes == 1 ? HostPortConflict.Messages.HeldOnOneNode.With(port, protocol, names) : HostPortConflict.Messages.HeldOnNodes.With(port, protocol, nodes, names));
            }

            var self = holderOwners.Count > 0 && holderOwners.All(o => o.Equals(group.Key));
            var count = group.Count();
            var holdersText = string.Concat(holders);
            var (one, many) = self
                ? (ReplicasExceedNodes.Messages.PodPendingNow, ReplicasExceedNodes.Messages.PodsPendingNow)
                : (HostPortConflict.Messages.PodPendingNow, HostPortConflict.Messages.PodsPendingNow);
            context.Report(
                self ? ReplicasExceedNodes.Rule : HostPortConflict.Rule,
                first.Pod,
                null,
                count == 1 ? one.With(state.Index.Qualified(first), group.Key, message, holdersText) : many.With(count, group.Key, state.Index.Qualified(first), message, holdersText),
                (self ? ReplicasExceedNodes.Fixes.LowerOrDaemonSet : HostPortConflict.Fixes.MoveOrKeepApart).Text,
                Diagnostics.Severity.Error);
        }
    }
}
