using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Audit;

/// <summary>
/// Two running pods on one node that hold the same host port now: only possible past the scheduler (a pod with
/// <c>nodeName</c>, or a host-network process listening on a port it does not declare), and then the second process to
/// bind fails with <c>address already in use</c> and crash-loops. Pairs are found per node and port (the node's few
/// holders of one port), conflicts as <see cref="HostPortInfo.Conflict"/> decides them (same protocol, same IP or 0.0.0.0), and
/// reported once per pair of owners with the nodes where they clash.
/// </summary>
internal static class PortClashes
{
    public static void Check(LiveState state, AnalysisContext context)
    {
        var clashes = new Dictionary<(int Port, string Protocol, OwnerKey First, OwnerKey Second), Clash>();
        foreach (var node in state.Ports.Nodes)
        {
            foreach (var pair in Pairs(node.Ports, state.Index))
            {
                var (a, b) = pair;
                var (first, second) = (state.Index.OwnerOf(a.Pod), state.Index.OwnerOf(b.Pod));
                if (string.CompareOrdinal(first.ToString() + first.Namespace, second.ToString() + second.Namespace) > 0)
                {
                    (a, b, first, second) = (b, a, second, first);
                }

                var key = (a.Use.Port, a.Use.Protocol, first, second);
                if (!clashes.TryGetValue(key, out var clash))
                {
                    clashes[key] = clash = new Clash(a, b, []);
                }

                clash.Nodes.Add(node.Node);
            }
        }

        foreach (var ((port, protocol, first, second), clash) in clashes)
        {
            context.Report(
                HostPortConflict.Rule,
                clash.Second.Pod.Pod,
                null,
                $"host port {port}/{protocol} is held twice on {LiveChecks.List(clash.Nodes)}: by {Describe(clash.First, first, state.Index)} and by {Describe(clash.Second, second, state.Index)}; the kubelet and the scheduler only see declared ports, so both run there and whichever binds second fails with \"address already in use\" and crash-loops",
                "declare the port (containerPort) so the scheduler keeps them apart, or move one of them to another port",
                Diagnostics.Severity.Error);
        }
    }

    /// <summary>The pairs of different pods whose uses of one port conflict, on one node (its uses are sorted by port).</summary>
    private static IEnumerable<(Holder A, Holder B)> Pairs(IReadOnlyList<PortUse> uses, AuditIndex index)
    {
        var holders = uses
            .Where(u => u.Source is PortSource.Declared or PortSource.Inferred)
            .Select(u => index.PodOf(u) is { } pod ? new Holder(pod, u) : null)
            .OfType<Holder>()
            .ToList();
        for (var i = 0; i < holders.Count; i++)
        {
            for (var j = i + 1; j < holders.Count && holders[j].Use.Port == holders[i].Use.Port; j++)
            {
                var (a, b) = (holders[i], holders[j]);
                if (!ReferenceEquals(a.Pod, b.Pod)
                    && HostPortInfo.Conflict(a.Use.HostIP, a.Use.Protocol, a.Use.Port, b.Use.HostIP, b.Use.Protocol, b.Use.Port))
                {
                    yield return (a, b);
                }
            }
        }
    }

    private static string Describe(Holder holder, OwnerKey owner, AuditIndex index)
    {
        var pod = $"Pod {index.Qualified(holder.Pod)}";
        var of = owner.Kind == "Pod" ? string.Empty : $" of {owner}";
        var how = holder.Use.Source == PortSource.Declared ? "declared" : $"not declared: {holder.Use.Detail}";
        return $"{pod}{of} ({how})";
    }

    private sealed record Holder(ClusterPod Pod, PortUse Use);

    private sealed record Clash(Holder First, Holder Second, List<string> Nodes);
}
