using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Controllers;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN016: a DaemonSet rolling update with <c>maxSurge</c> above zero whose pods declare host ports or use the host
/// network. The controller starts each node's new pod beside the old one (pkg/controller/daemon/update.go,
/// rollingUpdate) and the API does not forbid it (ValidateRollingUpdateDaemonSet), although KEP-1591 warns: "The most
/// common conflict is use of HostPort within the pod spec across two versions, which would prevent the second pod
/// from landing and the rollout from proceeding" and, for host network without declared ports, "the new pod will
/// crash and go into a crashloop" (SEMANTICS.md §9.1).
/// </summary>
internal sealed class DaemonSetSurgeHostPorts : IPlacementRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN016",
        "daemonset-surge-host-ports",
        "DaemonSet rolling update with maxSurge on host ports or host network: the update never completes",
        Severity.Error,
        RuleSection.WillNotRun)
    {
        Messages = [Messages.SurgeOnHostPort, Messages.SurgeOnHostNetwork, Messages.AlsoRejected, Messages.Defaulted, Messages.RolloutStuck, Messages.NewPodPending, Messages.NewPodsPending],
        Fixes = [Fixes.NoSurge, Fixes.NoSurgeAndDelete],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN016's messages: maxSurge ({0}) with the host port ({1}) and why the new pod stays Pending ({2}), or on the host
    /// network; then, when maxUnavailable is not zero as well ({0}, {1}: Defaulted or nothing), that the API rejects it.
    /// Observed by <c>hostnet audit</c> (Audit/StuckRollouts.cs): RolloutStuck ({0} updated of {1} nodes, {2}
    /// NewPodPending or NewPodsPending, worded as HN015's).
    /// </summary>
    internal static class Messages
    {
        public static RuleText SurgeOnHostPort { get; } = new(
            nameof(SurgeOnHostPort),
            "maxSurge is {0} and the pods hold host port {1}: in a rolling update the controller creates each node's new pod while the old one still holds the port, "
                + "so the new pod stays Pending ({2}) and the old one is never replaced; DaemonSets have no progress deadline, so the update stalls without an error");

        public static RuleText SurgeOnHostNetwork { get; } = new(
            nameof(SurgeOnHostNetwork),
            "maxSurge is {0} and hostNetwork is true: in a rolling update each node's new pod starts beside the old one, which still listens on the node's ports, "
                + "so the new process fails to bind (address already in use) and crash-loops, and the old pod is removed only once the new one is available: the update stalls");

        public static RuleText AlsoRejected { get; } = new(
            nameof(AlsoRejected),
            "; as written the API also rejects the strategy, since maxUnavailable is {0}{1} and a DaemonSet may not set both non-zero");

        public static RuleText Defaulted { get; } = new(nameof(Defaulted), " (the default)");

        public static RuleText RolloutStuck { get; } = new(
            nameof(RolloutStuck),
            "the rollout is stuck: {0} of {1} nodes run the new pod{2}; the old pod keeps the port until the new one is ready, which it never is");

        public static RuleText NewPodPending { get; } = new(nameof(NewPodPending), DeploymentSurgeHostPorts.Messages.NewPodPending.Format);

        public static RuleText NewPodsPending { get; } = new(nameof(NewPodsPending), DeploymentSurgeHostPorts.Messages.NewPodsPending.Format);
    }

    internal static class Fixes
    {
        public static RuleText NoSurge { get; } = new(nameof(NoSurge), "set maxSurge: 0 and maxUnavailable: 1, so each node's old pod goes before its new one starts");

        public static RuleText NoSurgeAndDelete { get; } = new(nameof(NoSurgeAndDelete), "set updateStrategy.rollingUpdate.maxSurge: 0 and maxUnavailable: 1, then delete the Pending pods");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An indexed loop: asked of every input, and most hold no DaemonSet (an admission review of a Pod).
        var workloads = context.Workloads;
        for (var i = 0; i < workloads.Count; i++)
        {
            if (workloads[i].Kind == "DaemonSet")
            {
                Check(workloads[i], context);
            }
        }
    }

    private static void Check(Workload daemonSet, AnalysisContext context)
    {
        var spec = daemonSet.Spec;
        var ports = context.HostPortsOf(daemonSet);
        if (ports.Count == 0 && !spec.HostNetwork)
        {
            return;
        }

        var cluster = context.RunningCluster;
        var oldPods = cluster.PodsOf(daemonSet);
        if (RolloutBudget.ForDaemonSet(daemonSet, Math.Max(1, oldPods.Count)) is not { Surge: > 0 } budget)
        {
            return;
        }

        var message = ports.Count > 0
            ? Messages.SurgeOnHostPort.With(budget.MaxSurge, ports[0], Pending(daemonSet, oldPods, cluster))
            : Messages.SurgeOnHostNetwork.With(budget.MaxSurge);
        if (budget.UnavailableIsNonZero)
        {
            message += Messages.AlsoRejected.With(budget.MaxUnavailable, budget.MaxUnavailableDefaulted ? Messages.Defaulted.Text : string.Empty);
        }

        context.Report(
            Rule,
            daemonSet,
            daemonSet.Strategy!.Path + ".rollingUpdate.maxSurge",
            message,
            Fixes.NoSurge.Text);
    }

    /// <summary>
    /// The scheduler's message for the new pod of the first node the DaemonSet runs on, placed while every old pod
    /// runs (its own running pods are the old ones), or the reason alone without nodes.
    /// </summary>
    private static string Pending(Workload daemonSet, IReadOnlyList<PodInfo> oldPods, ClusterSimulation cluster)
    {
        if (oldPods.Count == 0)
        {
            return NodePortsPlugin.ErrReason;
        }

        var first = oldPods[0];
        var newPod = new PodInfo(first.Namespace, first.Name + "-new", first.Labels, first.Spec, first.Owner);
        var results = cluster.Place([.. oldPods, newPod], cluster.RunningOf(daemonSet));
        return results[^1].Message is { } message ? "\"" + message + "\"" : NodePortsPlugin.ErrReason;
    }
}
