using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN017: a host port that a node component already holds (SEMANTICS.md §10: kubelet, kube-proxy, control plane, CNI
/// agents, the NodePort range) or that is commonly taken (22, 53, 80, 443), from <see cref="NodeComponentPorts"/> and
/// <c>reservedPorts</c> in <c>.hostnet.yaml</c>. These listeners are invisible to the scheduler, so nothing stops the
/// pod from landing beside them. A container of the owner's own image is not flagged for its own port.
/// </summary>
internal sealed class NodeReservedHostPort : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN017",
        "node-reserved-port",
        "Host port already used by the node's own components",
        Severity.Warning,
        RuleSection.WillNotRun)
    {
        Messages =
        [
            Messages.HostPort, Messages.InNodePortRange, Messages.ReservedInConfiguration, Messages.TakenBy, Messages.CannotBind, Messages.TrafficDiverted,
            Messages.HeldAsNodePort, Messages.InsideNodePortRange, Messages.Declares, Messages.ListensUndeclared,
        ],
        Fixes = [Fixes.PickFreePort, Fixes.MoveBelowRange],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN017's message: the port ({0}: HostPort with its number and protocol), then in the node-port range the range
    /// ({1}), the port ({2}) and where ({3}); else who holds it ({0}: ReservedInConfiguration or TakenBy, with the owner
    /// and where) and what happens (CannotBind on the host network, else TrafficDiverted). Observed by <c>hostnet audit</c>
    /// (Audit/NodePortRangeListeners.cs): HeldAsNodePort (with the Service {5}) or InsideNodePortRange, each with the owner
    /// {0}, how it holds the port {1} (Declares, or ListensUndeclared with what listens), the port {2}/{3} and the nodes {4}.
    /// </summary>
    internal static class Messages
    {
        public static RuleText HostPort { get; } = new(nameof(HostPort), "host port {0}/{1}");

        public static RuleText InNodePortRange { get; } = new(
            nameof(InNodePortRange),
            "{0} is in {1}: if a Service is given NodePort {2}, kube-proxy's rules take the traffic to that port {3} before it reaches the pod");

        public static RuleText ReservedInConfiguration { get; } = new(nameof(ReservedInConfiguration), "{0} is reserved for {1} in .hostnet.yaml");

        public static RuleText TakenBy { get; } = new(nameof(TakenBy), "{0} is taken by {1} {2}");

        public static RuleText CannotBind { get; } = new(nameof(CannotBind), "{0}: where it runs, the pod cannot bind the port (address already in use)");

        public static RuleText TrafficDiverted { get; } = new(nameof(TrafficDiverted), "{0}: where it runs, the pod's hostPort mapping diverts the node's traffic for that port away from it");

        public static RuleText HeldAsNodePort { get; } = new(
            nameof(HeldAsNodePort),
            "{0} {1} host port {2}/{3} on {4}, which {5} holds as its nodePort: kube-proxy takes it on every node, so connections to it reach the Service, not the pod");

        public static RuleText InsideNodePortRange { get; } = new(
            nameof(InsideNodePortRange),
            "{0} {1} host port {2}/{3} on {4}, inside the Service NodePort range (30000-32767): the API server may allocate it to a NodePort Service at any time, and kube-proxy then takes it on every node");

        public static RuleText Declares { get; } = new(nameof(Declares), "declares");

        public static RuleText ListensUndeclared { get; } = new(nameof(ListensUndeclared), "listens on, without declaring it ({0}),");
    }

    internal static class Fixes
    {
        public static RuleText PickFreePort { get; } = new(nameof(PickFreePort), "pick a port that no node component uses, and change the listen flag, probes and Services with it");

        public static RuleText MoveBelowRange { get; } = new(nameof(MoveBelowRange), "move the listener below 30000 (hostnet ports --free 20000-29999 lists free ones)");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        foreach (var binding in context.HostPortsOf(workload))
        {
            var reserved = NodeComponentPorts.Find(binding.Port, binding.Protocol, context.Options.ExtraReservedPorts);
            if (reserved is null || reserved.IsOwnedBy(binding.Container.Image))
            {
                continue;
            }

            context.Report(
                Rule,
                workload,
                binding.FieldPath,
                Message(binding, reserved, workload.Spec.HostNetwork),
                Fixes.PickFreePort.Text,
                reserved.Severity);
        }
    }

    private static string Message(HostPortBinding binding, NodeReservedPort reserved, bool hostNetwork)
    {
        var port = Messages.HostPort.With(binding.Port, binding.Protocol);
        if (reserved.IsNodePortRange)
        {
            return Messages.InNodePortRange.With(port, reserved.Owner, binding.Port, reserved.Where);
        }

        var owner = reserved.Scope == NodeComponentScope.ReservedByConfiguration
            ? Messages.ReservedInConfiguration.With(port, reserved.Owner)
            : Messages.TakenBy.With(port, reserved.Owner, reserved.Where);
        return (hostNetwork ? Messages.CannotBind : Messages.TrafficDiverted).With(owner);
    }
}
