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
        RuleSection.WillNotRun);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        foreach (var binding in HostPorts.Wanted(workload.Spec))
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
                "pick a port that no node component uses, and change the listen flag, probes and Services with it",
                reserved.Severity);
        }
    }

    private static string Message(HostPortBinding binding, NodeReservedPort reserved, bool hostNetwork)
    {
        var port = $"host port {binding.Port}/{binding.Protocol}";
        if (reserved.IsNodePortRange)
        {
            return $"{port} is in {reserved.Owner}: if a Service is given NodePort {binding.Port}, kube-proxy's rules take the traffic to that port {reserved.Where} before it reaches the pod";
        }

        var owner = reserved.Scope == NodeComponentScope.ReservedByConfiguration
            ? $"{port} is reserved for {reserved.Owner} in .hostnet.yaml"
            : $"{port} is taken by {reserved.Owner} {reserved.Where}";
        return hostNetwork
            ? $"{owner}: where it runs, the pod cannot bind the port (address already in use)"
            : $"{owner}: where it runs, the pod's hostPort mapping diverts the node's traffic for that port away from it";
    }
}
