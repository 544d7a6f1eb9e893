using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN015: a Deployment with host ports whose rolling update surges (maxSurge above 0) while maxUnavailable resolves
/// to 0. The surge pod needs a node without a replica; when every eligible node runs one it stays Pending, no old pod
/// may go (pkg/controller/deployment/rolling.go), and the Deployment ends with ProgressDeadlineExceeded
/// (pkg/controller/deployment/util/deployment_util.go, TimedOutReason; SEMANTICS.md §9.2). With a cluster, the
/// <see cref="Scheduler"/> places the replicas and then the surge pod on it, running pods included.
/// </summary>
internal sealed class DeploymentSurgeHostPorts : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN015",
        "deployment-surge-host-ports",
        "Deployment rolling update surges on host ports with no pod allowed to go: the rollout can stick",
        Severity.Warning,
        RuleSection.WillNotRun);

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var deployment in context.Workloads.Where(w => w.Kind == "Deployment"))
        {
            Check(deployment, context);
        }
    }

    private static void Check(Workload deployment, AnalysisContext context)
    {
        var ports = HostPorts.Wanted(deployment.Spec);
        var replicas = deployment.EffectiveReplicas;
        if (ports.Count == 0 || replicas == 0)
        {
            return;
        }

        var apiVersion = deployment.Source.ApiVersion;
        if (RemovedApiVersion.IsRemovedWorkloadVersion(apiVersion, deployment.Kind) && context.Options.KubeVersion >= RemovedApiVersion.RemovedIn)
        {
            ReportNotServed(deployment, context, ports[0], replicas);
            return;
        }

        if (RolloutBudget.ForDeployment(deployment) is not { Surge: > 0, Unavailable: 0 } budget)
        {
            return;
        }

        var cluster = context.RunningCluster;
        var budgetText = string.Create(
            CultureInfo.InvariantCulture,
            $"maxSurge {Written(budget.MaxSurge, budget.MaxSurgeDefaulted)} and maxUnavailable {Written(budget.MaxUnavailable, budget.MaxUnavailableDefaulted)} come to {budget.Surge} and 0 for {Replicas(replicas)}, and each replica holds host port {ports[0]} on its node");
        var stuck = $"no old pod may go, and after progressDeadlineSeconds the rollout fails with ProgressDeadlineExceeded: ReplicaSet \"{deployment.Name}-<hash>\" has timed out progressing.";
        string message;
        Severity? severity = null;
        if (cluster.IsKnown)
        {
            // The replicas as the scheduler places them (the Deployment's own running pods set aside), then the surge pod.
            var replicaPods = cluster.PodsOf(deployment);
            var surgePod = new PodInfo(replicaPods[0].Namespace, deployment.Name + "-surge", replicaPods[0].Labels, replicaPods[0].Spec, replicaPods[0].Owner);
            var results = cluster.Place([.. replicaPods, surgePod], cluster.RunningOf(deployment));
            var placed = results.Take(replicaPods.Count).Count(r => r.IsScheduled);
            var surge = results[^1];
            if (placed == 0 || surge.IsScheduled || surge.NominatedNode is not null)
            {
                return;
            }

            message = string.Create(
                CultureInfo.InvariantCulture,
                $"{budgetText}; each of the {placed} node(s) that can take a replica runs one, so {(string.IsNullOrEmpty(deployment.Spec.NodeName) ? "the surge pod stays Pending" : "the kubelet rejects the surge pod")} (\"{surge.Message}\"), {stuck}");
            severity = Severity.Error;
        }
        else if (NodeEligibility.ForPod(deployment.Spec).PinnedNodes()?.Count is { } pinned and > 0 && replicas >= pinned)
        {
            message = string.Create(
                CultureInfo.InvariantCulture,
                $"{budgetText}; the pod is pinned to {pinned} node(s), all of which run a replica, so the surge pod stays Pending ({NodePortsPlugin.ErrReason}), {stuck}");
            severity = Severity.Error;
        }
        else
        {
            message = string.Create(
                CultureInfo.InvariantCulture,
                $"{budgetText}: the surge pod needs a node that runs no replica; when every node that can take one already does ({replicas} or fewer such nodes), it stays Pending ({NodePortsPlugin.ErrReason}), {stuck}");
        }

        context.Report(Rule, deployment, Position(deployment), message, "set maxSurge: 0 and maxUnavailable: 1 (or strategy type Recreate), so an old pod frees its node before the new one needs it", severity);
    }

    /// <summary>
    /// A beta apiVersion the chosen Kubernetes no longer serves: kubectl stops before the rollout ever runs. Rewritten as
    /// apps/v1 the Deployment gets that version's defaults (25 %/25 %, not extensions/v1beta1's 1/1), so the budget is
    /// judged as apps/v1 would resolve it.
    /// </summary>
    private static void ReportNotServed(Workload deployment, AnalysisContext context, HostPortBinding port, int replicas)
    {
        var kubectl = RemovedApiVersion.KubectlMessage(deployment.Name, deployment.Metadata.Namespace ?? string.Empty, deployment.Source.ApiVersion, deployment.Kind, deployment.Source.File);
        var asAppsV1 = RolloutBudget.ForDeployment(deployment, "apps/v1") is { Surge: > 0, Unavailable: 0 } budget
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"; written as apps/v1, maxSurge {Written(budget.MaxSurge, budget.MaxSurgeDefaulted)} and maxUnavailable {Written(budget.MaxUnavailable, budget.MaxUnavailableDefaulted)} come to {budget.Surge} and 0 for {Replicas(replicas)} holding host port {port}, so the rollout can stick: the surge pod needs a node that runs no replica")
            : string.Empty;
        context.Report(
            Rule,
            deployment,
            "apiVersion",
            $"apiVersion {deployment.Source.ApiVersion} is not served since Kubernetes {RemovedApiVersion.RemovedIn} (checked for {context.Options.KubeVersion}), so this Deployment is never created: kubectl apply says \"{kubectl}\"{asAppsV1}",
            "write apiVersion: apps/v1 (with spec.selector), and set maxSurge: 0 and maxUnavailable: 1 so an old pod frees its node before the new one needs it",
            Severity.Error);
    }

    private static string Written(IntOrString value, bool defaulted) => defaulted ? $"{value} (default)" : value.ToString();

    private static string Replicas(int replicas) => replicas == 1 ? "1 replica" : string.Create(CultureInfo.InvariantCulture, $"{replicas} replicas");

    /// <summary>maxSurge where written, else the strategy, else replicas (or the kind line).</summary>
    private static string Position(Workload deployment) => deployment.Strategy switch
    {
        { MaxSurge: not null } strategy => strategy.Path + ".rollingUpdate.maxSurge",
        { } strategy => strategy.Path,
        null => "spec.replicas",
    };
}
