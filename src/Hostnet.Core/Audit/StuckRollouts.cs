using Hostnet.Core.Diagnostics;
using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.RunTime;

namespace Hostnet.Core.Audit;

/// <summary>
/// Rollouts of host-port workloads stuck now. A Deployment whose <c>Progressing</c> condition is <c>False</c> with
/// reason <c>ProgressDeadlineExceeded</c> (pkg/controller/deployment/util/deployment_util.go, TimedOutReason), or that
/// has fewer updated replicas than wanted while its new pods are Pending for host ports (HN015). A DaemonSet with fewer
/// updated pods than desired while its surge pods are Pending for host ports (pkg/controller/daemon/update.go creates
/// the new pod beside the old one, which keeps the port) (HN016).
/// </summary>
internal static class StuckRollouts
{
    private const string DeadlineExceeded = "ProgressDeadlineExceeded";

    public static void Check(LiveState state, AnalysisContext context)
    {
        var pendingByOwner = state.PendingForPorts.GroupBy(state.Index.OwnerOf).ToDictionary(g => g.Key, g => g.Count());
        foreach (var workload in state.Index.Snapshot.Workloads.Where(w => w.Kind is "Deployment" or "DaemonSet" && state.Index.UsesHost(w.Spec)))
        {
            var status = state.Index.Snapshot.StatusOf(workload);
            var pending = pendingByOwner.GetValueOrDefault(state.Index.OwnerOf(workload));
            if (workload.Kind == "Deployment")
            {
                CheckDeployment(workload, status, pending, context);
            }
            else if (pending > 0
                && status.Count("updatedNumberScheduled") is { } updated
                && status.Count("desiredNumberScheduled") is { } desired
                && updated < desired)
            {
                context.Report(
                    DaemonSetSurgeHostPorts.Rule,
                    workload,
                    workload.Strategy?.Path,
                    DaemonSetSurgeHostPorts.Messages.RolloutStuck.With(
                        updated,
                        desired,
                        PendingText(pending, DaemonSetSurgeHostPorts.Messages.NewPodPending, DaemonSetSurgeHostPorts.Messages.NewPodsPending)),
                    DaemonSetSurgeHostPorts.Fixes.NoSurgeAndDelete.Text,
                    Diagnostics.Severity.Error);
            }
        }
    }

    private static void CheckDeployment(Workload deployment, Model.WorkloadStatus status, int pending, AnalysisContext context)
    {
        var progressing = status.Condition("Progressing");
        var replicas = deployment.EffectiveReplicas;
        var updated = status.Count("updatedReplicas") ?? 0;
        var pendingText = PendingText(pending, DeploymentSurgeHostPorts.Messages.NewPodPending, DeploymentSurgeHostPorts.Messages.NewPodsPending);
        if (progressing is { Status: "False", Reason: DeadlineExceeded })
        {
            context.Report(
                DeploymentSurgeHostPorts.Rule,
                deployment,
                deployment.Strategy?.Path,
                DeploymentSurgeHostPorts.Messages.DeadlineExceeded.With(progressing.Message, updated, replicas, pendingText),
                DeploymentSurgeHostPorts.Fixes.NoSurgeNow.Text,
                Diagnostics.Severity.Error);
        }
        else if (pending > 0 && updated < replicas)
        {
            context.Report(
                DeploymentSurgeHostPorts.Rule,
                deployment,
                deployment.Strategy?.Path,
                DeploymentSurgeHostPorts.Messages.NotProgressing.With(updated, replicas, pendingText),
                DeploymentSurgeHostPorts.Fixes.NoSurgeNow.Text,
                Diagnostics.Severity.Warning);
        }
    }

    /// <summary>How many new pods are Pending for host ports, in the rule's words; nothing when none is.</summary>
    private static string PendingText(int pending, RuleText one, RuleText many) => pending switch
    {
        0 => string.Empty,
        1 => one.Text,
        _ => many.With(pending),
    };
}
