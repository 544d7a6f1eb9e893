using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Rules;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;

namespace Hostnet.Core.Audit;

/// <summary>
/// <c>hostnet audit</c> without I/O: the rules of the catalogue on the cluster's objects (each top-level workload, and
/// the pods no workload of the snapshot owns, once per owner), the findings only the cluster's state shows
/// (<see cref="LiveChecks"/>), the inventory of host-network use, and the host-port map (<see cref="PortMapBuilder"/>).
/// Every step is one pass over the pods with dictionary lookups, so the cost grows with the cluster, never with its square;
/// the port map and the scheduler's view are built beside the owners' index and the rules, on a second core.
/// With the node agents' reports (<c>--listeners</c>), what really listens joins the findings and the inventory
/// (<see cref="AgentListeners"/>).
/// </summary>
public static class Auditor
{
    public static AuditReport Audit(ClusterSnapshot snapshot, string source, AnalysisOptions options, IReadOnlyList<Loading.AgentReport>? listeners = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        // The port map and the scheduler's view read only the snapshot: they are built on a second core while this one
        // indexes the owners and the rules run (the view is the one the first placement rule would build, waited for then).
        var portMap = Task.Run(() => PortMapBuilder.Build(snapshot, [], PlanOptions.Default with { DefaultNamespace = options.DefaultNamespace }));
        // Only when a placement rule runs: with every one of them switched off nothing would ask for the view.
        var running = RuleCatalog.Rules.Any(r => r is IPlacementRule && options.Runs(r.Descriptor))
            ? Task.Run(() => new ClusterSimulation(snapshot.Nodes, snapshot.Pods, options.KubeVersion, options.DefaultNamespace))
            : null;
        var index = new AuditIndex(snapshot, options.DefaultNamespace);
        var subjects = Subjects(index);
        var objects = new List<KubeObject>(subjects.Count + snapshot.Services.Count + snapshot.NetworkPolicies.Count + snapshot.Namespaces.Count);
        objects.AddRange(subjects.Values);
        objects.AddRange(snapshot.Services);
        objects.AddRange(snapshot.NetworkPolicies);
        objects.AddRange(snapshot.Namespaces);
        var context = new ManifestChecker(options, RuleCatalog.Rules) { Cluster = snapshot, PrebuiltRunningCluster = running }.CheckObjects(objects);
        var fromSpecs = context.Diagnostics.Count;
        var ports = portMap.GetAwaiter().GetResult();
        var state = new LiveState(index, ports);
        foreach (var check in LiveChecks.All)
        {
            check(state, context);
        }

        if (listeners is not null)
        {
            AgentListeners.Check(index, listeners, context);
        }

        var observed = new HashSet<Diagnostics.Diagnostic>(context.Diagnostics.Skip(fromSpecs), ReferenceEqualityComparer.Instance);
        var findings = ManifestChecker.Sorted(context.Diagnostics).Select(d => new AuditFinding(d, observed.Contains(d))).ToArray();
        var inventory = InventoryBuilder.Build(index, subjects);
        if (listeners is not null)
        {
            inventory = AgentListeners.Annotate(inventory, index, listeners);
        }

        var totals = new AuditTotals(
            snapshot.Nodes.Count,
            snapshot.Pods.Count,
            snapshot.Namespaces.Count,
            snapshot.Workloads.Count,
            snapshot.Pods.Count(index.UsesHost));
        return new AuditReport(source, snapshot.ServerVersion?.ToString(), totals, inventory, findings, ports, new(() => PortPictureBuilder.Build(state)))
        {
            Listeners = listeners ?? [],
        };
    }

    /// <summary>
    /// What the rules read, by owner: the workloads no other workload of the snapshot owns, and for owners the snapshot
    /// lacks (a kubectl list of pods only) the first of their pods that has not ended. Bare pods are their own owners.
    /// </summary>
    private static Dictionary<OwnerKey, Workload> Subjects(AuditIndex index)
    {
        var subjects = new Dictionary<OwnerKey, Workload>();
        foreach (var workload in index.Snapshot.Workloads)
        {
            var owner = index.OwnerOf(workload);
            if (owner.Kind == workload.Kind && owner.Name == workload.Name)
            {
                subjects.TryAdd(owner, workload);
            }
            else if (index.Workload(owner) is null)
            {
                // Owned by a controller the snapshot lacks: the workload speaks for it.
                subjects.TryAdd(owner, workload);
            }
        }

        foreach (var pod in index.Snapshot.Pods)
        {
            if (!AuditIndex.Ended(pod))
            {
                subjects.TryAdd(index.OwnerOf(pod), pod.Pod);
            }
        }

        return subjects;
    }
}
