using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Scheduling.Rollouts;

namespace Hostnet.Core.Runs;

/// <summary>
/// <c>hostnet plan</c>'s run over loaded manifests: the cluster (the snapshot, else <c>--nodes N</c>, else the input's
/// Node objects, else the default synthetic cluster), what the API server or Pod Security refuses (as <c>check</c>
/// says, so plan and check agree), the placement of the rest and, when asked, their rollouts.
/// </summary>
public static class ManifestPlan
{
    /// <summary>The plan; <paramref name="notice"/> says when it ran on the default synthetic cluster, which the user must be told.</summary>
    public static PlanResult Plan(IReadOnlyList<LoadResult> loaded, AnalysisOptions options, ClusterSnapshot? snapshot, int? nodeCount, bool rollout, out string? notice)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        var objects = loaded.SelectMany(l => l.Documents).Select(ObjectReader.Read).OfType<KubeObject>().ToList();
        var workloads = objects.OfType<Workload>().ToList();
        var nodes = objects.OfType<Node>().ToList();
        notice = snapshot is null && nodeCount is null && nodes.Count == 0
            ? $"no --nodes and no Node objects in the input: planning against {SyntheticCluster.DefaultNodeCount} identical worker nodes (node-1 … node-{SyntheticCluster.DefaultNodeCount}); see docs/plan.md"
            : null;
        var cluster = snapshot
            ?? (nodeCount is { } count ? SyntheticCluster.Create(count)
                : nodes.Count > 0 ? ClusterSnapshot.Empty with { Nodes = nodes }
                : SyntheticCluster.Create(SyntheticCluster.DefaultNodeCount));

        var report = new ManifestChecker(options, RuleCatalog.Rules) { Cluster = snapshot ?? ClusterSnapshot.Empty }.Check(loaded);
        var refusals = Refusals.Find(report, workloads, options.DefaultNamespace);

        // One resolution of what kubectl apply stores, for the plan and its rollouts alike.
        var applied = AppliedWorkloads.Resolve(workloads, refusals, options.DefaultNamespace);
        var plan = Planner.Plan(cluster, applied, new PlanOptions(options.KubeVersion, options.DefaultNamespace, options.ExtraReservedPorts));
        return rollout
            ? plan with { Rollouts = [.. RolloutPlanner.Simulate(cluster, applied.Workloads, options.KubeVersion, options.DefaultNamespace)] }
            : plan;
    }
}
