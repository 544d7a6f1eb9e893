using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN016: a DaemonSet rolling update with <c>maxSurge</c> above zero whose pods declare host ports or use the host
/// network. The controller starts each node's new pod beside the old one (pkg/controller/daemon/update.go,
/// rollingUpdate) and the API does not forbid it (ValidateRollingUpdateDaemonSet), although KEP-1591 warns: "The most
/// common conflict is use of HostPort within the pod spec across two versions, which would prevent the second pod
/// from landing and the rollout from proceeding" and, for host network without declared ports, "the new pod will
/// crash and go into a crashloop" (SEMANTICS.md §9.1).
/// </summary>
internal sealed class DaemonSetSurgeHostPorts : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN016",
        "daemonset-surge-host-ports",
        "DaemonSet rolling update with maxSurge on host ports or host network: the update never completes",
        Severity.Error,
        RuleSection.WillNotRun,
        Fix: "set maxSurge: 0 and maxUnavailable: 1, so each node's old pod goes before its new one starts");

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var daemonSet in context.Workloads.Where(w => w.Kind == "DaemonSet"))
        {
            Check(daemonSet, context);
        }
    }

    private static void Check(Workload daemonSet, AnalysisContext context)
    {
        var spec = daemonSet.Spec;
        var ports = HostPorts.Wanted(spec);
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

        var surge = $"maxSurge is {budget.MaxSurge}";
        string message;
        if (ports.Count > 0)
        {
            message = $"{surge} and the pods hold host port {ports[0]}: in a rolling update the controller creates each node's new pod while the old one still holds the port, "
                + $"so the new pod stays Pending ({Pending(daemonSet, oldPods, cluster)}) and the old one is never replaced; DaemonSets have no progress deadline, so the update stalls without an error";
        }
        else
        {
            message = $"{surge} and hostNetwork is true: in a rolling update each node's new pod starts beside the old one, which still listens on the node's ports, "
                + "so the new process fails to bind (address already in use) and crash-loops, and the old pod is removed only once the new one is available: the update stalls";
        }

        if (budget.UnavailableIsNonZero)
        {
            message += $"; as written the API also rejects the strategy, since maxUnavailable is {budget.MaxUnavailable}{(budget.MaxUnavailableDefaulted ? " (the default)" : string.Empty)} and a DaemonSet may not set both non-zero";
        }

        context.Report(
            Rule,
            daemonSet,
            daemonSet.Strategy!.Path + ".rollingUpdate.maxSurge",
            message,
            Rule.Fix);
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
