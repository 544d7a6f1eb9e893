using Hostnet.Core.Analysis;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Audit;

/// <summary>
/// Host-network and host-port DaemonSets that do not run on every node they should: the nodes their controller selects
/// (NodeEligibility.ForDaemonSetPod, as pkg/controller/daemon's nodeShouldRunDaemonPod) without a pod of theirs that
/// has not ended. The spec rule HN019 names the nodes its tolerations exclude; this names the nodes it should be on and
/// is not (its pod there Pending, evicted, or never created), with the controller's own counts.
/// </summary>
internal static class DaemonSetCoverage
{
    public static void Check(LiveState state, AnalysisContext context)
    {
        var index = state.Index;
        foreach (var daemonSet in index.Snapshot.Workloads.Where(w => w.Kind == "DaemonSet" && index.UsesHost(w.Spec)))
        {
            var owner = index.OwnerOf(daemonSet);
            var pods = index.PodsOf(owner);
            var covered = pods.Where(p => !AuditIndex.Ended(p) && p.NodeName is not null).Select(p => p.NodeName!).ToHashSet(StringComparer.Ordinal);
            var eligibility = NodeEligibility.ForDaemonSetPod(daemonSet.Spec);
            var eligible = index.Snapshot.Nodes.Where(n => DefaultProfile.Admits(eligibility, n)).ToList();
            var missing = eligible.Where(n => !covered.Contains(n.Name)).Select(n => n.Name).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var status = index.Snapshot.StatusOf(daemonSet);
            var counts = status.Count("desiredNumberScheduled") is { } desired
                ? DaemonSetMissesNodes.Messages.StatusCounts.With(desired, status.Count("numberAvailable") ?? 0)
                : string.Empty;
            var pending = pods.Count(p => p.Status.Phase == "Pending" && p.NodeName is null);
            var pendingText = pending switch
            {
                0 => string.Empty,
                1 => DaemonSetMissesNodes.Messages.OnePodPending.Text,
                _ => DaemonSetMissesNodes.Messages.PodsPending.With(pending),
            };
            context.Report(
                DaemonSetMissesNodes.Rule,
                daemonSet,
                null,
                DaemonSetMissesNodes.Messages.MissingOnNodes.With(eligible.Count - missing.Count, eligible.Count, counts, LiveChecks.List(missing), pendingText),
                DaemonSetMissesNodes.Fixes.SeeWhyPending.Text,
                Diagnostics.Severity.Warning);
        }
    }
}
