using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Scheduling;
using Hostnet.Core.Semantics.Workloads;

namespace Hostnet.Core.Rules.Services;

/// <summary>
/// HN042: a Service selects host-network pods of which two can run on one node. Such pods share the node's address,
/// so the second cannot bind the port the Service targets ("address already in use") and crash-loops, while the
/// Service lists both endpoints under one IP (SEMANTICS.md §7). Two of a workload's pods meet on a node when it has
/// more than one replica, or, for a Deployment, when a rolling update surges a new pod beside the old one; nothing
/// keeps them apart unless they declare host ports or require anti-affinity on the hostname (<see cref="PodSeparation"/>).
/// DaemonSets run one pod per node (their surge is HN016's); a replicated workload with one replica and no surge, and
/// bare Pods, never have two pods at once.
/// </summary>
public sealed class ServiceColocatedHostNetwork : IRule
{
    private const string NotSeparated =
        "nothing keeps them on separate nodes (no declared ports for the scheduler's NodePorts filter, no required pod anti-affinity on kubernetes.io/hostname)";

    public static RuleDescriptor Rule { get; } = new(
        "HN042",
        "service-colocated-host-network",
        "A Service selects host-network pods that can run more than one per node",
        Severity.Warning,
        "D. Services and network policy");

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
                if (Colocation(workload, @namespace) is { } how)
                {
                    context.Report(
                        Rule,
                        service,
                        "spec.selector",
                        $"the Service selects the host-network pods of {workload.DisplayName}, {how}, and {NotSeparated}: two on one node share its address, the second cannot bind the port (\"address already in use\") and crash-loops, and the Service lists both endpoints",
                        "declare the ports the pods listen on (the scheduler then keeps them apart), require pod anti-affinity on kubernetes.io/hostname, or run it as a DaemonSet");
                }
            }
        }
    }

    /// <summary>How two pods of the workload come to exist at once, or null when they cannot or are kept apart.</summary>
    private static string? Colocation(Workload workload, string @namespace)
    {
        if (PodSeparation.OnePerNode(workload, @namespace))
        {
            return null;
        }

        if (workload.IsReplicated && workload.EffectiveReplicas > 1)
        {
            return $"{workload.EffectiveReplicas} replicas";
        }

        return DeploymentRollout.MaxSurge(workload) is > 0 and var surge && workload.EffectiveReplicas > 0
            ? $"whose rolling update starts {surge} new {(surge == 1 ? "pod" : "pods")} before old ones stop (maxSurge)"
            : null;
    }
}
