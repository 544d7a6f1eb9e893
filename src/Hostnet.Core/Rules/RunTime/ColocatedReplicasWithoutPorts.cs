using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Listeners;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN014: several replicas on the host network with nothing that keeps them on separate nodes. Without declared
/// ports the NodePorts filter skips the pod (plugins/nodeports/node_ports.go, PreFilter; hostNetwork is never
/// consulted), so only a required pod anti-affinity on kubernetes.io/hostname that matches the replicas' own labels
/// would (plugins/interpodaffinity). DaemonSets run one pod per node and are never reported.
/// </summary>
internal sealed class ColocatedReplicasWithoutPorts : WorkloadRule
{
    public const string HostnameTopologyKey = PodSeparation.HostnameTopologyKey;

    public static RuleDescriptor Rule { get; } = new(
        "HN014",
        "colocated-replicas-without-ports",
        "Host-network replicas without declared ports or anti-affinity can share a node",
        Severity.Warning,
        RuleSection.WillNotRun)
    {
        Messages = [Messages.CanShareNode, Messages.ItsPort, Messages.OnePort, Messages.SeveralPorts],
        Fixes = [Fixes.DeclareOrSpread],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN014's message: the kind ({0}), name ({1}) and replicas ({2}), and the ports it binds ({3}: one of the parts below).</summary>
    internal static class Messages
    {
        public static RuleText CanShareNode { get; } = new(
            nameof(CanShareNode),
            "{0} '{1}' runs {2} replicas on the host network with no declared ports and no required pod anti-affinity on " + HostnameTopologyKey
                + ": the scheduler can put two replicas on one node, where the second fails to bind {3} (\"address already in use\") and crash-loops");

        public static RuleText ItsPort { get; } = new(nameof(ItsPort), "its port");

        public static RuleText OnePort { get; } = new(nameof(OnePort), "port {0}");

        public static RuleText SeveralPorts { get; } = new(nameof(SeveralPorts), "ports {0}");
    }

    internal static class Fixes
    {
        public static RuleText DeclareOrSpread { get; } = new(
            nameof(DeclareOrSpread),
            "declare the ports the pods listen on (the scheduler then keeps replicas on separate nodes), or add a required pod anti-affinity on " + HostnameTopologyKey + " that matches the pod's own labels");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork || !workload.IsReplicated || workload.EffectiveReplicas <= 1
            || PodSeparation.OnePerNode(workload, context.NamespaceOf(workload), context.HostPortsOf(workload)))
        {
            return;
        }

        var ports = context.ListenersOf(workload).All
            .Select(l => l.Listener)
            .DistinctBy(l => (l.Port, l.Protocol))
            .OrderBy(l => l.Port)
            .ThenBy(l => l.Protocol, StringComparer.Ordinal)
            .Select(l => l.PortText)
            .ToArray();
        var bind = ports.Length switch
        {
            0 => Messages.ItsPort.Text,
            1 => Messages.OnePort.With(ports[0]),
            _ => Messages.SeveralPorts.With(string.Join(", ", ports)),
        };
        context.Report(
            Rule,
            workload,
            "spec.replicas",
            Messages.CanShareNode.With(workload.Kind, workload.Metadata.Name, workload.EffectiveReplicas, bind),
            Fixes.DeclareOrSpread.Text);
    }
}
