using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;

namespace Hostnet.Core.Audit;

/// <summary>
/// What the node agents of <c>hostnet audit --listeners DIR</c> saw (docs/audit.md, "What really listens"): their
/// findings (HN060–HN063) become observed findings of the audit, one per rule, owner, container and port with the
/// nodes it was seen on, on the pod (whose <c>hostnet.dev/ignore-&lt;ID&gt;</c> annotation silences it as on the node)
/// or, for a node daemon or a pod the snapshot lacks, on the Node; with neither in the snapshot (taken at another
/// time than the reports), on the report itself. Each inventory owner gets the ports its pods really listen on.
/// A pod is matched with the snapshot by UID, else by namespace and name.
/// </summary>
internal static class AgentListeners
{
    public static void Check(AuditIndex index, IReadOnlyList<AgentReport> reports, AnalysisContext context)
    {
        var pods = new PodFinder(index);
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in index.Snapshot.Nodes)
        {
            nodes.TryAdd(node.Name, node);
        }

        var groups = new Dictionary<(string Rule, OwnerKey Owner, string? Container, int Port, string Protocol), (AgentReportFinding First, ClusterPod Pod, List<string> Nodes)>();
        foreach (var report in reports)
        {
            foreach (var finding in report.Findings)
            {
                var rule = RuleCatalog.Find(finding.Rule)!;
                if (finding is { Namespace: { } ns, Pod: { } name } && pods.Find(null, ns, name) is { } pod)
                {
                    var key = (rule.Id, index.OwnerOf(pod), finding.Container, finding.Port, finding.Protocol);
                    if (!groups.TryGetValue(key, out var group))
                    {
                        groups[key] = group = (finding, pod, []);
                    }

                    group.Nodes.Add(report.Node);
                }
                else if (nodes.TryGetValue(report.Node, out var node))
                {
                    context.Report(rule, node, null, $"{finding.Message} (agent of node {report.Node})", severity: SeverityOf(finding));
                }
                else
                {
                    // Neither the pod nor the node is in the snapshot (taken before or after the agents ran): point at the report.
                    var subject = finding.Pod is null ? new ObjectReference("Node", null, report.Node) : new ObjectReference("Pod", finding.Namespace, finding.Pod);
                    context.Add(new Diagnostic(rule, SeverityOf(finding), $"{finding.Message} (agent of node {report.Node})", null, report.File, finding.Position, subject, null));
                }
            }
        }

        foreach (var (first, pod, seenOn) in groups.Values)
        {
            var where = seenOn.Count == 1 ? $"agent of node {seenOn[0]}" : $"agents of nodes {LiveChecks.List(seenOn)}; the pod named is {seenOn[0]}'s";
            context.Report(RuleCatalog.Find(first.Rule)!, pod.Pod, null, $"{first.Message} ({where})", severity: SeverityOf(first));
        }
    }

    /// <summary>The inventory with each owner's real listeners on the reported nodes: <c>9100/TCP</c>, <c>8125/UDP undeclared</c>.</summary>
    public static IReadOnlyList<InventoryEntry> Annotate(IReadOnlyList<InventoryEntry> inventory, AuditIndex index, IReadOnlyList<AgentReport> reports)
    {
        var pods = new PodFinder(index);
        var listening = new Dictionary<OwnerKey, HashSet<(int Port, string Protocol, bool Declared)>>();
        foreach (var listener in reports.SelectMany(r => r.Listeners))
        {
            if (listener.Pod is { } owner && pods.Find(owner.Uid, owner.Namespace, owner.Name) is { } pod)
            {
                var key = index.OwnerOf(pod);
                if (!listening.TryGetValue(key, out var ports))
                {
                    listening[key] = ports = [];
                }

                ports.Add((listener.Port, listener.Protocol, listener.Declared));
            }
        }

        return [.. inventory.Select(entry => entry with
        {
            Listening = listening.TryGetValue(entry.Owner, out var ports)
                ? [.. ports.OrderBy(p => p.Port).ThenBy(p => p.Protocol, StringComparer.Ordinal).Select(p => $"{p.Port}/{p.Protocol}" + (p.Declared ? string.Empty : " undeclared"))]
                : [],
        })];
    }

    private static Severity SeverityOf(AgentReportFinding finding) => Enum.Parse<Severity>(finding.Severity, ignoreCase: true);

    /// <summary>The snapshot's pods by UID and by namespace and name.</summary>
    private sealed class PodFinder
    {
        private readonly Dictionary<string, ClusterPod> _byUid = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Namespace, string Name), ClusterPod> _byName = [];

        public PodFinder(AuditIndex index)
        {
            foreach (var pod in index.Snapshot.Pods)
            {
                if (pod.Pod.Metadata.Uid is { } uid)
                {
                    _byUid.TryAdd(uid, pod);
                }

                _byName.TryAdd((index.NamespaceOf(pod.Pod), pod.Pod.Name), pod);
            }
        }

        public ClusterPod? Find(string? uid, string? ns, string? name) =>
            uid is not null && _byUid.TryGetValue(uid, out var byUid) ? byUid
            : ns is not null && name is not null ? _byName.GetValueOrDefault((ns, name))
            : null;
    }
}
