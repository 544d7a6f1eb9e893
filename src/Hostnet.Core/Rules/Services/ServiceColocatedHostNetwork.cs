using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Controllers;

namespace Hostnet.Core.Rules.Services;

/// <summary>
/// HN042: a Service selects host-network pods of which two can run on one node. Such pods share the node's address,
/// so the second cannot bind the port the Service targets ("address already in use") and crash-loops, while the
/// Service lists both endpoints under one IP (SEMANTICS.md §7). Two of a workload's pods meet on a node when it has
/// more than one replica, or, for a Deployment, when a rolling update starts a new pod while keeping every old one
/// until it is ready (maxSurge above 0, maxUnavailable rounding to 0, as by default for one replica); nothing
/// keeps them apart unless they declare host ports or require anti-affinity on the hostname (<see cref="PodSeparation"/>).
/// Not reported: DaemonSets (one pod per node; their surge is HN016's), bare Pods, and a single replica whose rollout
/// may stop the old pod first (a new pod beside it only restarts until the old one is gone).
/// </summary>
internal sealed class ServiceColocatedHostNetwork : IRule
{
    private const string NotSeparated =
        "nothing keeps them on separate nodes (no declared ports for the scheduler's NodePorts filter, no required pod anti-affinity on kubernetes.io/hostname)";

    public static RuleDescriptor Rule { get; } = new(
        "HN042",
        "service-colocated-host-network",
        "A Service selects host-network pods that can run more than one per node",
        Severity.Warning,
        RuleSection.ServicesAndNetworkPolicy,
        Fix: "declare the ports the pods listen on (the scheduler then keeps them apart), require pod anti-affinity on kubernetes.io/hostname, or run it as a DaemonSet");

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var service in context.Services)
        {
            if (service.Selector is not { Count: > 0 } selector || service.Type == "ExternalName")
            {
                continue;
            }

            var @namespace = context.NamespaceOf(service);
            foreach (var workload in context.PodTemplates.SelectedBy(@namespace, selector).Where(w => w.Spec.HostNetwork))
            {
                if (Colocation(workload, @namespace) is { } colocation)
                {
                    context.Report(
                        Rule,
                        service,
                        "spec.selector",
                        $"the Service selects the host-network pods of {workload.DisplayName} ({colocation.How}) and {NotSeparated}: {colocation.Consequence}",
                        Rule.Fix);
                }
            }
        }
    }

    private static string Replicas(int count, string noun = "replica") => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>How two pods of the workload come to exist at once and what follows, or null when they cannot or are kept apart.</summary>
    private static (string How, string Consequence)? Colocation(Workload workload, string @namespace)
    {
        if (PodSeparation.OnePerNode(workload, @namespace))
        {
            return null;
        }

        if (workload.IsReplicated && workload.EffectiveReplicas > 1)
        {
            return (
                Replicas(workload.EffectiveReplicas),
                "two on one node share its address, the second cannot bind the port (\"address already in use\") and crash-loops, and the Service lists both endpoints");
        }

        // A rollout that keeps every old pod until a new one is ready: maxSurge above 0, maxUnavailable resolving to 0.
        return workload.Kind == "Deployment" && workload.EffectiveReplicas > 0 && RolloutBudget.ForDeployment(workload) is { Surge: > 0 and var surge, Unavailable: 0 }
            ? (
                $"{Replicas(workload.EffectiveReplicas)}, but a rolling update starts {Replicas(surge, "new pod")} before the old {(workload.EffectiveReplicas == 1 ? "one stops" : "ones stop")}",
                "a new pod that lands beside an old one cannot bind the port (\"address already in use\"), crash-loops and never becomes ready, so the rollout stalls while the Service keeps the old pods")
            : null;
    }
}
