using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Audit;

/// <summary>
/// Pods that listen on the host in the Service NodePort range (kube-apiserver <c>--service-node-port-range</c>, default
/// 30000-32767; SEMANTICS.md §10) where the specs alone cannot say it: a port a Service holds as its <c>nodePort</c> now,
/// which kube-proxy takes on every node (an error), or a port the process listens on without declaring it (the API
/// server may give it to a Service at any time). Declared ports with no Service on them are the spec rule's (HN017).
/// One finding per owner and port, with the nodes.
/// </summary>
internal static class NodePortRangeListeners
{
    public static void Check(LiveState state, AnalysisContext context)
    {
        var range = NodeComponentPorts.NodePortRange;
        var found = new Dictionary<(OwnerKey Owner, int Port, string Protocol), (ClusterPod Pod, PortUse Use, PortUse? Service, List<string> Nodes)>();
        foreach (var node in state.Ports.Nodes)
        {
            foreach (var use in node.Ports.Where(u => u.Source is PortSource.Declared or PortSource.Inferred && range.Covers(u.Port, u.Protocol)))
            {
                var service = state.Ports.EveryNode.FirstOrDefault(e => e.Source == PortSource.ServiceNodePort && e.Covers(use.Port, use.Protocol));
                if ((service is null && use.Source == PortSource.Declared) || state.Index.PodOf(use) is not { } pod)
                {
                    continue;
                }

                var key = (state.Index.OwnerOf(pod), use.Port, use.Protocol);
                if (!found.TryGetValue(key, out var entry))
                {
                    found[key] = entry = (pod, use, service, []);
                }

                entry.Nodes.Add(node.Node);
            }
        }

        foreach (var ((owner, port, protocol), (pod, use, service, nodes)) in found)
        {
            var how = use.Source == PortSource.Declared ? NodeReservedHostPort.Messages.Declares.Text : NodeReservedHostPort.Messages.ListensUndeclared.With(use.Detail);
            var message = service is not null
                ? NodeReservedHostPort.Messages.HeldAsNodePort.With(owner, how, port, protocol, LiveChecks.List(nodes), service.Owner)
                : NodeReservedHostPort.Messages.InsideNodePortRange.With(owner, how, port, protocol, LiveChecks.List(nodes));
            context.Report(
                NodeReservedHostPort.Rule,
                pod.Pod,
                null,
                message,
                NodeReservedHostPort.Fixes.MoveBelowRange.Text,
                service is not null ? Diagnostics.Severity.Error : Diagnostics.Severity.Warning);
        }
    }
}
