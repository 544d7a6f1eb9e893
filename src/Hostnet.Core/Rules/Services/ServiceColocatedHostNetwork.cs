using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Semantics.Ports;

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
    public static RuleDescriptor Rule { get; } = new(
        "HN042",
        "service-colocated-host-network",
        "A Service selects host-network pods that can run more than one per node",
        Severity.Warning,
        RuleSection.ServicesAndNetworkPolicy)
    {
        Messages =
        [
            Messages.Colocated, Messages.SurgeBeside, Messages.CrashLoops, Messages.RolloutStalls,
            Messages.OneReplica, Messages.Replicas, Messages.OneNewPod, Messages.NewPods, Messages.OneStops, Messages.OnesStop,
        ],
        Fixes = [Fixes.KeepApart],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN042's message: the workload ({0}), how its pods come to share a node ({1}: its replicas, OneReplica or Replicas;
    /// or SurgeBeside with the replicas, the new pods, OneNewPod or NewPods, and OneStops or OnesStop) and what follows
    /// ({2}: CrashLoops or RolloutStalls).
    /// </summary>
    internal static class Messages
    {
        public static RuleText Colocated { get; } = new(
            nameof(Colocated),
            "the Service selects the host-network pods of {0} ({1}) and nothing keeps them on separate nodes (no declared ports for the scheduler's NodePorts filter, no required pod anti-affinity on kubernetes.io/hostname): {2}");

        public static RuleText SurgeBeside { get; } = new(nameof(SurgeBeside), "{0}, but a rolling update starts {1} before the old {2}");

        public static RuleText CrashLoops { get; } = new(
            nameof(CrashLoops),
            "two on one node share its address, the second cannot bind the port (\"address already in use\") and crash-loops, and the Service lists both endpoints");

        public static RuleText RolloutStalls { get; } = new(
            nameof(RolloutStalls),
            "a new pod that lands beside an old one cannot bind the port (\"address already in use\"), crash-loops and never becomes ready, so the rollout stalls while the Service keeps the old pods");

        public static RuleText OneReplica { get; } = new(nameof(OneReplica), "1 replica");

        public static RuleText Replicas { get; } = new(nameof(Replicas), "{0} replicas");

        public static RuleText OneNewPod { get; } = new(nameof(OneNewPod), "1 new pod");

        public static RuleText NewPods { get; } = new(nameof(NewPods), "{0} new pods");

        public static RuleText OneStops { get; } = new(nameof(OneStops), "one stops");

        public static RuleText OnesStop { get; } = new(nameof(OnesStop), "ones stop");
    }

    internal static class Fixes
    {
        public static RuleText KeepApart { get; } = new(
            nameof(KeepApart),
            "declare the ports the pods listen on (the scheduler then keeps them apart), require pod anti-affinity on kubernetes.io/hostname, or run it as a DaemonSet");
    }

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
                if (Colocation(workload, @namespace, context.HostPortsOf(workload)) is { } colocation)
                {
                    context.Report(
                        Rule,
                        service,
                        "spec.selector",
                        Messages.Colocated.With(workload.DisplayName, colocation.How, colocation.Consequence),
                        Fixes.KeepApart.Text);
                }
            }
        }
    }

    private static string Replicas(int count) => count == 1 ? Messages.OneReplica.Text : Messages.Replicas.With(count);

    private static string NewPods(int count) => count == 1 ? Messages.OneNewPod.Text : Messages.NewPods.With(count);

    /// <summary>How two pods of the workload come to exist at once and what follows, or null when they cannot or are kept apart.</summary>
    private static (string How, string Consequence)? Colocation(Workload workload, string @namespace, IReadOnlyList<HostPortBinding> hostPorts)
    {
        if (PodSeparation.OnePerNode(workload, @namespace, hostPorts))
        {
            return null;
        }

        if (workload.IsReplicated && workload.EffectiveReplicas > 1)
        {
            return (Replicas(workload.EffectiveReplicas), Messages.CrashLoops.Text);
        }

        // A rollout that keeps every old pod until a new one is ready: maxSurge above 0, maxUnavailable resolving to 0.
        return workload.Kind == "Deployment" && workload.EffectiveReplicas > 0 && RolloutBudget.ForDeployment(workload) is { Surge: > 0 and var surge, Unavailable: 0 }
            ? (
                Messages.SurgeBeside.With(Replicas(workload.EffectiveReplicas), NewPods(surge), (workload.EffectiveReplicas == 1 ? Messages.OneStops : Messages.OnesStop).Text),
                Messages.RolloutStalls.Text)
            : null;
    }
}
