using System.Globalization;
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
        foreach (var workload in state.Index.Snapshot.Workloads.Where(w => w.Kind is "Deployment" or "DaemonSet" && AuditIndex.UsesHost(w.Spec)))
        {
            var status = state.Index.Snapshot.StatusOf(workload);
            var pending = pendingByOwner.GetValueOrDefault(state.Index.OwnerOf(workload));
            var pendingText = pending == 0 ? string.Empty : $"; {LiveChecks.Plural(pending, "new pod is", "new pods are")} Pending for host ports";
            if (workload.Kind == "Deployment")
            {
                CheckDeployment(workload, status, pending, pendingText, context);
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
                    string.Create(CultureInfo.InvariantCulture, $"the rollout is stuck: {updated} of {desired} nodes run the new pod{pendingText}; the old pod keeps the port until the new one is ready, which it never is"),
                    "set updateStrategy.rollingUpdate.maxSurge: 0 and maxUnavailable: 1, then delete the Pending pods",
                    Diagnostics.Severity.Error);
            }
        }
    }

    private static void CheckDeployment(Workload deployment, Model.WorkloadStatus status, int pending, string pendingText, AnalysisContext context)
    {
        var progressing = status.Condition("Progressing");
        var replicas = deployment.EffectiveReplicas;
        var updated = status.Count("updatedReplicas") ?? 0;
        var progress = string.Create(CultureInfo.InvariantCulture, $"{updated} of {replicas} replicas updated");
        if (progressing is { Status: "False", Reason: DeadlineExceeded })
        {
            context.Report(
                DeploymentSurgeHostPorts.Rule,
                deployment,
                deployment.Strategy?.Path,
                $"the rollout is stuck: Progressing is False ({DeadlineExceeded}): \"{progressing.Message}\"; {progress}{pendingText}",
                "set strategy.rollingUpdate.maxSurge: 0 and maxUnavailable: 1 (or type: Recreate), so an old pod frees its port before the new one needs it",
                Diagnostics.Severity.Error);
        }
        else if (pending > 0 && updated < replicas)
        {
            context.Report(
                DeploymentSurgeHostPorts.Rule,
                deployment,
                deployment.Strategy?.Path,
                $"the rollout is not progressing: {progress}{pendingText}; it will end in {DeadlineExceeded}",
                "set strategy.rollingUpdate.maxSurge: 0 and maxUnavailable: 1 (or type: Recreate), so an old pod frees its port before the new one needs it",
                Diagnostics.Severity.Warning);
        }
    }
}
