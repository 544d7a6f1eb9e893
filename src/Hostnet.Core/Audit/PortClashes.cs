using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Audit;

/// <summary>
/// Running pods on one node that hold the same host port now: only possible past the scheduler (a pod with
/// <c>nodeName</c>, or a host-network process listening on a port it does not declare), and then every process that binds
/// after one it clashes with fails with <c>address already in use</c> and crash-loops. Per node and port, the pods whose
/// claim conflicts with another pod's, as <see cref="HostPortInfo"/> decides (same protocol, same IP or 0.0.0.0), form
/// one clash; clashes of the same owners on the same port are reported once with their nodes. Two pods read as a pair;
/// more are named up to a few and counted, so a thousand pods on one port make one finding, not half a million pairs.
/// </summary>
internal static class PortClashes
{
    public static void Check(LiveState state, AnalysisContext context)
    {
        var clashes = new Dictionary<string, Clash>(StringComparer.Ordinal);
        foreach (var node in state.Ports.Nodes)
        {
            foreach (var holders in Groups(node.Ports, state.Index))
            {
                // Ordered by owner, so that the same owners give the same key on every node.
                var ordered = holders.Select(h => (Holder: h, Owner: state.Index.OwnerOf(h.Pod)))
                    .OrderBy(h => h.Owner.ToString() + h.Owner.Namespace, StringComparer.Ordinal)
                    .ToArray();
                var use = ordered[0].Holder.Use;
                var key = string.Join('\n', ordered.Select(h => $"{h.Owner.Namespace}/{h.Owner}").Prepend($"{use.Port}/{use.Protocol}"));
                if (!clashes.TryGetValue(key, out var clash))
                {
                    clashes[key] = clash = new Clash(ordered, []);
                }

                clash.Nodes.Add(node.Node);
            }
        }

        foreach (var clash in clashes.Values)
        {
            var use = clash.Holders[0].Holder.Use;
            var described = clash.Holders.Select(h => Describe(h.Holder, h.Owner, state.Index)).ToArray();
            var pair = described.Length == 2;
            var message = pair
                ? HostPortConflict.Messages.HeldTwice.With(use.Port, use.Protocol, LiveChecks.List(clash.Nodes), described[0], described[1])
                : HostPortConflict.Messages.HeldByMany.With(use.Port, use.Protocol, described.Length, LiveChecks.List(clash.Nodes), LiveChecks.List(described));
            context.Report(
                HostPortConflict.Rule,
                clash.Holders[^1].Holder.Pod.Pod,
                null,
                message,
                (pair ? HostPortConflict.Fixes.DeclareOrMoveOne : HostPortConflict.Fixes.DeclareOrMoveAllButOne).Text,
                Diagnostics.Severity.Error);
        }
    }

    /// <summary>
    /// Per port and protocol of one node (its uses are sorted by both), the pods holding it whose claim conflicts with
    /// another pod's claim, each with its first use of the port; only groups of two pods or more.
    /// </summary>
    private static IEnumerable<List<Holder>> Groups(IReadOnlyList<PortUse> uses, AuditIndex index)
    {
        var start = 0;
        while (start < uses.Count)
        {
            var end = start + 1;
            while (end < uses.Count && uses[end].Port == uses[start].Port && uses[end].Protocol == uses[start].Protocol)
            {
                end++;
            }

            if (Clashing(uses, start, end, index) is { Count: > 1 } holders)
            {
                yield return holders;
            }

            start = end;
        }
    }

    /// <summary>The pods among the uses start..end (one port and protocol) whose claims conflict with another pod's.</summary>
    private static List<Holder>? Clashing(IReadOnlyList<PortUse> uses, int start, int end, AuditIndex index)
    {
        var claims = new HostPortInfo();
        var byPod = new Dictionary<ClusterPod, List<PortUse>>(ReferenceEqualityComparer.Instance);
        var holders = new List<Holder>();
        for (var i = start; i < end; i++)
        {
            var use = uses[i];
            if (use.Source is not (PortSource.Declared or PortSource.Inferred) || index.PodOf(use) is not { } pod)
            {
                continue;
            }

            if (!byPod.TryGetValue(pod, out var own))
            {
                byPod[pod] = own = [];
                holders.Add(new Holder(pod, use));
            }

            own.Add(use);
            claims.Add(use.HostIP, use.Protocol, use.Port);
        }

        if (byPod.Count < 2)
        {
            return null;
        }

        // A pod clashes when one of its claims conflicts with what the other pods claim: its own claims set aside.
        return holders.Where(h => ConflictsWithOthers(claims, byPod[h.Pod])).ToList();
    }

    private static bool ConflictsWithOthers(HostPortInfo claims, List<PortUse> own)
    {
        foreach (var use in own)
        {
            claims.Remove(use.HostIP, use.Protocol, use.Port);
        }

        var conflicts = own.Any(u => claims.CheckConflict(u.HostIP, u.Protocol, u.Port));
        foreach (var use in own)
        {
            claims.Add(use.HostIP, use.Protocol, use.Port);
        }

        return conflicts;
    }

    private static string Describe(Holder holder, OwnerKey owner, AuditIndex index)
    {
        var pod = $"Pod {index.Qualified(holder.Pod)}";
        var of = owner.Kind == "Pod" ? string.Empty : $" of {owner}";
        return holder.Use.Source == PortSource.Declared
            ? HostPortConflict.Messages.DeclaredHolder.With(pod + of)
            : HostPortConflict.Messages.UndeclaredHolder.With(pod + of, holder.Use.Detail);
    }

    private sealed record Holder(ClusterPod Pod, PortUse Use);

    private sealed record Clash((Holder Holder, OwnerKey Owner)[] Holders, List<string> Nodes);
}
