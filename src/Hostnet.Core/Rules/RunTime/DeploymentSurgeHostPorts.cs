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
internal sealed class DeploymentSurgeHostPorts : IPlacementRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN015",
        "deployment-surge-host-ports",
        "Deployment rolling update surges on host ports with no pod allowed to go: the rollout can stick",
        Severity.Warning,
        RuleSection.WillNotRun)
    {
        Messages =
        [
            Messages.Budget, Messages.Stuck, Messages.EveryNodeRunsOne, Messages.SurgePending, Messages.SurgeRejected, Messages.Pinned, Messages.MayStick,
            Messages.NotServed, Messages.AsAppsV1, Messages.DefaultValue, Messages.OneReplica, Messages.Replicas,
            Messages.DeadlineExceeded, Messages.NotProgressing, Messages.NewPodPending, Messages.NewPodsPending,
        ],
        Fixes = [Fixes.NoSurge, Fixes.WriteAppsV1, Fixes.NoSurgeNow],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN015's messages. The budget ({0} maxSurge, {1} maxUnavailable, each its value or DefaultValue; {2} the surge;
    /// {3} OneReplica or Replicas; {4} the host port) comes first ({0} below), and how the rollout sticks (Stuck, with the
    /// Deployment's name) last: placed on a snapshot ({1} nodes, {2} SurgePending or SurgeRejected, {3} the message),
    /// pinned to nodes ({1}) or with the nodes unknown ({1} replicas). An apiVersion no longer served: {0} the version,
    /// {1} the release that removed it, {2} the release checked, {3} kubectl's message, {4} AsAppsV1 or nothing.
    /// Observed by <c>hostnet audit</c> (Audit/StuckRollouts.cs): DeadlineExceeded ({0} the condition's message, {1}
    /// updated of {2} replicas, {3} NewPodPending, NewPodsPending or nothing) or NotProgressing ({0} of {1}, {2} the same).
    /// </summary>
    internal static class Messages
    {
        public static RuleText Budget { get; } = new(
            nameof(Budget),
            "maxSurge {0} and maxUnavailable {1} come to {2} and 0 for {3}, and each replica holds host port {4} on its node");

        public static RuleText Stuck { get; } = new(
            nameof(Stuck),
            "no old pod may go, and after progressDeadlineSeconds the rollout fails with ProgressDeadlineExceeded: ReplicaSet \"{0}-<hash>\" has timed out progressing.");

        public static RuleText EveryNodeRunsOne { get; } = new(nameof(EveryNodeRunsOne), "{0}; each of the {1} node(s) that can take a replica runs one, so {2} (\"{3}\"), {4}");

        public static RuleText SurgePending { get; } = new(nameof(SurgePending), "the surge pod stays Pending");

        public static RuleText SurgeRejected { get; } = new(nameof(SurgeRejected), "the kubelet rejects the surge pod");

        public static RuleText Pinned { get; } = new(
            nameof(Pinned),
            "{0}; the pod is pinned to {1} node(s), all of which run a replica, so the surge pod stays Pending (" + NodePortsPlugin.ErrReason + "), {2}");

        public static RuleText MayStick { get; } = new(
            nameof(MayStick),
            "{0}: the surge pod needs a node that runs no replica; when every node that can take one already does ({1} or fewer such nodes), it stays Pending ("
                + NodePortsPlugin.ErrReason + "), {2}");

        public static RuleText NotServed { get; } = new(
            nameof(NotServed),
            "apiVersion {0} is not served since Kubernetes {1} (checked for {2}), so this Deployment is never created: kubectl apply says \"{3}\"{4}");

        public static RuleText AsAppsV1 { get; } = new(
            nameof(AsAppsV1),
            "; written as apps/v1, maxSurge {0} and maxUnavailable {1} come to {2} and 0 for {3} holding host port {4}, so the rollout can stick: the surge pod needs a node that runs no replica");

        public static RuleText DefaultValue { get; } = new(nameof(DefaultValue), "{0} (default)");

        public static RuleText OneReplica { get; } = new(nameof(OneReplica), "1 replica");

        public static RuleText Replicas { get; } = new(nameof(Replicas), "{0} replicas");

        public static RuleText DeadlineExceeded { get; } = new(
            nameof(DeadlineExceeded),
            "the rollout is stuck: Progressing is False (ProgressDeadlineExceeded): \"{0}\"; {1} of {2} replicas updated{3}");

        public static RuleText NotProgressing { get; } = new(nameof(NotProgressing), "the rollout is not progressing: {0} of {1} replicas updated{2}; it will end in ProgressDeadlineExceeded");

        public static RuleText NewPodPending { get; } = new(nameof(NewPodPending), "; 1 new pod is Pending for host ports");

        public static RuleText NewPodsPending { get; } = new(nameof(NewPodsPending), "; {0} new pods are Pending for host ports");
    }

    internal static class Fixes
    {
        public static RuleText NoSurge { get; } = new(
            nameof(NoSurge),
            "set maxSurge: 0 and maxUnavailable: 1 (or strategy type Recreate), so an old pod frees its node before the new one needs it");

        public static RuleText WriteAppsV1 { get; } = new(
            nameof(WriteAppsV1),
            "write apiVersion: apps/v1 (with spec.selector), and set maxSurge: 0 and maxUnavailable: 1 so an old pod frees its node before the new one needs it");

        public static RuleText NoSurgeNow { get; } = new(
            nameof(NoSurgeNow),
            "set strategy.rollingUpdate.maxSurge: 0 and maxUnavailable: 1 (or type: Recreate), so an old pod frees its port before the new one needs it");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An indexed loop: asked of every input, and most hold no Deployment (an admission review of a Pod).
        var workloads = context.Workloads;
        for (var i = 0; i < workloads.Count; i++)
        {
            if (workloads[i].Kind == "Deployment")
            {
                Check(workloads[i], context);
            }
        }
    }

    private static void Check(Workload deployment, AnalysisContext context)
    {
        var ports = context.HostPortsOf(deployment);
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
        var budgetText = Messages.Budget.With(
            Written(budget.MaxSurge, budget.MaxSurgeDefaulted), Written(budget.MaxUnavailable, budget.MaxUnavailableDefaulted), budget.Surge, Replicas(replicas), ports[0]);
        var stuck = Messages.Stuck.With(deployment.Name);
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

            var fate = string.IsNullOrEmpty(deployment.Spec.NodeName) ? Messages.SurgePending : Messages.SurgeRejected;
            message = Messages.EveryNodeRunsOne.With(budgetText, placed, fate.Text, surge.Message, stuck);
            severity = Severity.Error;
        }
        else if (NodeEligibility.ForPod(deployment.Spec).PinnedNodes()?.Count is { } pinned and > 0 && replicas >= pinned)
        {
            message = Messages.Pinned.With(budgetText, pinned, stuck);
            severity = Severity.Error;
        }
        else
        {
            message = Messages.MayStick.With(budgetText, replicas, stuck);
        }

        context.Report(Rule, deployment, Position(deployment), message, Fixes.NoSurge.Text, severity);
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
            ? Messages.AsAppsV1.With(
                Written(budget.MaxSurge, budget.MaxSurgeDefaulted), Written(budget.MaxUnavailable, budget.MaxUnavailableDefaulted), budget.Surge, Replicas(replicas), port)
            : string.Empty;
        context.Report(
            Rule,
            deployment,
            "apiVersion",
            Messages.NotServed.With(deployment.Source.ApiVersion, RemovedApiVersion.RemovedIn, context.Options.KubeVersion, kubectl, asAppsV1),
            Fixes.WriteAppsV1.Text,
            Severity.Error);
    }

    private static string Written(IntOrString value, bool defaulted) => defaulted ? Messages.DefaultValue.With(value) : value.ToString();

    private static string Replicas(int replicas) => replicas == 1 ? Messages.OneReplica.Text : Messages.Replicas.With(replicas);

    /// <summary>maxSurge where written, else the strategy, else replicas (or the kind line).</summary>
    private static string Position(Workload deployment) => deployment.Strategy switch
    {
        { MaxSurge: not null } strategy => strategy.Path + ".rollingUpdate.maxSurge",
        { } strategy => strategy.Path,
        null => "spec.replicas",
    };
}
