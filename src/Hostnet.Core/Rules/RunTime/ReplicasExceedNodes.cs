using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN013: more replicas of a host-port workload than nodes that can take one. Each replica holds the port on its node,
/// so the scheduler's NodePorts filter (pkg/scheduler/framework/plugins/nodeports/node_ports.go) keeps the rest
/// Pending; the message is the scheduler's own (FitError.Error, SEMANTICS.md §3.4). With a cluster (a snapshot, or Node
/// objects in the input) the <see cref="Scheduling.Scheduler"/> places the replicas on it, running pods included, and the
/// finding is an error; without, hostnet only knows a bound when the pod is pinned to named nodes, and warns.
/// </summary>
internal sealed class ReplicasExceedNodes : IPlacementRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN013",
        "replicas-exceed-nodes",
        "More replicas of a host-port workload than nodes that can take one",
        Severity.Error,
        RuleSection.WillNotRun)
    {
        Messages = [Messages.BoundByNodeName, Messages.Unplaced, Messages.NoNode, Messages.SomeNodes, Messages.PinnedNodes, Messages.HoldsPort, Messages.PodPendingNow, Messages.PodsPendingNow],
        Fixes = [Fixes.LowerReplicas, Fixes.LowerOrDaemonSet],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN013's messages, each with the replicas ({0}) and what each replica holds (HoldsPort with the port): bound to
    /// one node by nodeName ({1}, {2} holds, {3} rejected); placed on a snapshot ({1}: NoNode or SomeNodes, {2} Pending,
    /// {3} the scheduler's message); pinned by name to nodes ({1}, {2} holds, {3} Pending). Observed by <c>hostnet audit</c>
    /// (Audit/PendingForPorts.cs): its pods Pending for ports its own pods hold, worded as HN012's (PodPendingNow,
    /// PodsPendingNow, the holders in HN012's texts).
    /// </summary>
    internal static class Messages
    {
        public static RuleText BoundByNodeName { get; } = new(
            nameof(BoundByNodeName),
            "replicas is {0} but every pod is bound to node {1} by nodeName and {2}: the kubelet rejects {3} of them (Pod was rejected: Predicate NodePorts failed: "
                + NodePortsPlugin.ErrReason + ") and the controller keeps replacing them");

        public static RuleText Unplaced { get; } = new(nameof(Unplaced), "replicas is {0} but {1}: {2} replica(s) stay Pending: \"{3}\"");

        public static RuleText NoNode { get; } = new(nameof(NoNode), "none of the {0} node(s) can take a pod of it");

        public static RuleText SomeNodes { get; } = new(nameof(SomeNodes), "only {0} of the {1} node(s) can take a pod of it and {2}");

        public static RuleText PinnedNodes { get; } = new(
            nameof(PinnedNodes),
            "replicas is {0} but the pod is pinned by name to {1} node(s) and {2}: {3} replica(s) or more stay Pending (" + NodePortsPlugin.ErrReason + ")");

        public static RuleText HoldsPort { get; } = new(nameof(HoldsPort), "each replica holds host port {0} on its node");

        public static RuleText PodPendingNow { get; } = new(nameof(PodPendingNow), HostPortConflict.Messages.PodPendingNow.Format);

        public static RuleText PodsPendingNow { get; } = new(nameof(PodsPendingNow), HostPortConflict.Messages.PodsPendingNow.Format);
    }

    internal static class Fixes
    {
        public static RuleText LowerReplicas { get; } = new(nameof(LowerReplicas), "lower replicas to the number of nodes that can take one, make more nodes eligible, or use a DaemonSet");

        public static RuleText LowerOrDaemonSet { get; } = new(nameof(LowerOrDaemonSet), "lower the replicas to the nodes that can take one, or run it as a DaemonSet");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An indexed loop: asked of every input, and many hold no replicated workload (an admission review of a Pod).
        var workloads = context.Workloads;
        for (var i = 0; i < workloads.Count; i++)
        {
            if (workloads[i].IsReplicated)
            {
                Check(workloads[i], context);
            }
        }
    }

    private static void Check(Workload workload, AnalysisContext context)
    {
        var ports = context.HostPortsOf(workload);
        var replicas = workload.EffectiveReplicas;
        if (ports.Count == 0 || replicas < 1)
        {
            return;
        }

        var cluster = context.RunningCluster;
        var severity = cluster.IsKnown ? Severity.Error : Severity.Warning;
        if (!string.IsNullOrEmpty(workload.Spec.NodeName))
        {
            // Pods that name their node skip the scheduler; the kubelet admits the first and rejects the rest (lifecycle/predicate.go).
            if (replicas > 1)
            {
                Report(workload, context, Messages.BoundByNodeName.With(replicas, workload.Spec.NodeName, Holds(ports), replicas - 1), severity);
            }

            return;
        }

        if (cluster.IsKnown)
        {
            // The scheduler places the replicas one by one on the cluster as it runs (the workload's own running pods
            // are replaced, so they are set aside); the first that fits nowhere carries the FailedScheduling message.
            var results = cluster.Place(cluster.PodsOf(workload), cluster.RunningOf(workload));
            var placed = results.Count(r => r.IsScheduled || r.NominatedNode is not null);
            if (placed >= replicas)
            {
                return;
            }

            var pending = results.First(r => !r.IsScheduled && r.NominatedNode is null).Message;
            var nodes = cluster.Nodes.Count;
            var room = placed == 0 ? Messages.NoNode.With(nodes) : Messages.SomeNodes.With(placed, nodes, Holds(ports));
            Report(workload, context, Messages.Unplaced.With(replicas, room, replicas - placed, pending), severity);
        }
        else if (NodeEligibility.ForPod(workload.Spec).PinnedNodes()?.Count is { } pinned && replicas > pinned)
        {
            Report(workload, context, Messages.PinnedNodes.With(replicas, pinned, Holds(ports), replicas - pinned), severity);
        }
    }

    /// <summary>What each replica holds, worded only for a finding: most host-port workloads have none.</summary>
    private static string Holds(IReadOnlyList<HostPortBinding> ports) => Messages.HoldsPort.With(ports[0]);

    private static void Report(Workload workload, AnalysisContext context, string message, Severity severity) =>
        context.Report(Rule, workload, "spec.replicas", message, Fixes.LowerReplicas.Text, severity);
}
