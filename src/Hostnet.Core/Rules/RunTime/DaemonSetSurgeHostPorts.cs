using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Semantics.Placement;
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
public sealed class DaemonSetSurgeHostPorts : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN016",
        "daemonset-surge-host-ports",
        "DaemonSet rolling update with maxSurge on host ports or host network: the update never completes",
        Severity.Error,
        "B. It will not run as written",
        HasFix: true);

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodes = KnownNodes.Of(context);
        foreach (var daemonSet in context.Workloads.Where(w => w.Kind == "DaemonSet"))
        {
            Check(daemonSet, nodes, context);
        }
    }

    private static void Check(Workload daemonSet, IReadOnlyList<Node> nodes, AnalysisContext context)
    {
        var spec = daemonSet.Spec;
        var ports = HostPorts.Wanted(spec);
        if (ports.Count == 0 && !spec.HostNetwork)
        {
            return;
        }

        var eligibility = NodeEligibility.ForDaemonSetPod(spec);
        var version = context.Options.KubeVersion;
        var runsOn = nodes.Where(n => eligibility.Admits(n)).ToArray();
        if (RolloutBudget.ForDaemonSet(daemonSet, Math.Max(1, runsOn.Length)) is not { Surge: > 0 } budget)
        {
            return;
        }

        var surge = $"maxSurge is {budget.MaxSurge}";
        string message;
        if (ports.Count > 0)
        {
            message = $"{surge} and the pods hold host port {ports[0]}: in a rolling update the controller creates each node's new pod while the old one still holds the port, "
                + $"so the new pod stays Pending ({Pending(spec, runsOn, nodes, version)}) and the old one is never replaced; DaemonSets have no progress deadline, so the update stalls without an error";
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
            "set maxSurge: 0 and maxUnavailable: 1, so each node's old pod goes before its new one starts");
    }

    /// <summary>The scheduler's message for a new pod on the first node the DaemonSet runs on, or its reason alone without nodes.</summary>
    private static string Pending(PodSpec spec, Node[] runsOn, IReadOnlyList<Node> nodes, KubeVersion version)
    {
        if (runsOn.Length == 0)
        {
            return SchedulerReasons.NodePorts;
        }

        var target = runsOn[0];
        var pod = NodeEligibility.ForDaemonSetPod(DaemonSetPods.PodFor(spec, target.Name));
        return "\"" + FailedScheduling.Message(pod, nodes, n => n.Name == target.Name, version) + "\"";
    }
}
