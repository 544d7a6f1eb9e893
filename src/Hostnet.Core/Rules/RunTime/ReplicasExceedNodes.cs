using System.Globalization;
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
internal sealed class ReplicasExceedNodes : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN013",
        "replicas-exceed-nodes",
        "More replicas of a host-port workload than nodes that can take one",
        Severity.Error,
        RuleSection.WillNotRun,
        Fix: "lower replicas to the number of nodes that can take one, make more nodes eligible, or use a DaemonSet");

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var workload in context.Workloads.Where(w => w.IsReplicated))
        {
            Check(workload, context);
        }
    }

    private static void Check(Workload workload, AnalysisContext context)
    {
        var ports = HostPorts.Wanted(workload.Spec);
        var replicas = workload.EffectiveReplicas;
        if (ports.Count == 0 || replicas < 1)
        {
            return;
        }

        var cluster = context.RunningCluster;
        var holds = $"each replica holds host port {ports[0]} on its node";
        var severity = cluster.IsKnown ? Severity.Error : Severity.Warning;
        if (!string.IsNullOrEmpty(workload.Spec.NodeName))
        {
            // Pods that name their node skip the scheduler; the kubelet admits the first and rejects the rest (lifecycle/predicate.go).
            if (replicas > 1)
            {
                Report(workload, context, string.Create(
                    CultureInfo.InvariantCulture,
                    $"replicas is {replicas} but every pod is bound to node {workload.Spec.NodeName} by nodeName and {holds}: the kubelet rejects {replicas - 1} of them (Pod was rejected: Predicate NodePorts failed: {NodePortsPlugin.ErrReason}) and the controller keeps replacing them"), severity);
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
            var room = placed == 0
                ? string.Create(CultureInfo.InvariantCulture, $"none of the {nodes} node(s) can take a pod of it")
                : string.Create(CultureInfo.InvariantCulture, $"only {placed} of the {nodes} node(s) can take a pod of it and {holds}");
            Report(workload, context, string.Create(
                CultureInfo.InvariantCulture,
                $"replicas is {replicas} but {room}: {replicas - placed} replica(s) stay Pending: \"{pending}\""), severity);
        }
        else if (NodeEligibility.ForPod(workload.Spec).PinnedNodes()?.Count is { } pinned && replicas > pinned)
        {
            Report(workload, context, string.Create(
                CultureInfo.InvariantCulture,
                $"replicas is {replicas} but the pod is pinned by name to {pinned} node(s) and {holds}: {replicas - pinned} replica(s) or more stay Pending ({NodePortsPlugin.ErrReason})"), severity);
        }
    }

    private static void Report(Workload workload, AnalysisContext context, string message, Severity severity) =>
        context.Report(Rule, workload, "spec.replicas", message, Rule.Fix, severity);
}
