using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN013: more replicas of a host-port workload than nodes that can take one. Each replica holds the port on its node,
/// so the scheduler's NodePorts filter (pkg/scheduler/framework/plugins/nodeports/node_ports.go) keeps the rest
/// Pending; the message is the scheduler's own (FitError.Error, SEMANTICS.md §3.4). With Node objects in the input the
/// count is known and the finding is an error; without, hostnet only knows a bound when the pod is pinned to named
/// nodes, and warns.
/// </summary>
public sealed class ReplicasExceedNodes : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN013",
        "replicas-exceed-nodes",
        "More replicas of a host-port workload than nodes that can take one",
        Severity.Error,
        "B. It will not run as written");

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodes = KnownNodes.Of(context);
        foreach (var workload in context.Workloads.Where(w => w.IsReplicated))
        {
            Check(workload, nodes, context);
        }
    }

    private static void Check(Workload workload, IReadOnlyList<Node> nodes, AnalysisContext context)
    {
        var ports = HostPorts.Wanted(workload.Spec);
        var replicas = workload.EffectiveReplicas;
        if (ports.Count == 0 || replicas < 1)
        {
            return;
        }

        var eligibility = NodeEligibility.ForPod(workload.Spec);
        var holds = $"each replica holds host port {ports[0]} on its node";
        var severity = nodes.Count > 0 ? Severity.Error : Severity.Warning;
        if (!string.IsNullOrEmpty(workload.Spec.NodeName))
        {
            // Pods that name their node skip the scheduler; the kubelet admits the first and rejects the rest (lifecycle/predicate.go).
            if (replicas > 1)
            {
                Report(workload, context, string.Create(
                    CultureInfo.InvariantCulture,
                    $"replicas is {replicas} but every pod is bound to node {workload.Spec.NodeName} by nodeName and {holds}: the kubelet rejects {replicas - 1} of them (Pod was rejected: Predicate NodePorts failed: {SchedulerReasons.NodePorts}) and the controller keeps replacing them"), severity);
            }

            return;
        }

        if (nodes.Count > 0)
        {
            var version = context.Options.KubeVersion;
            var eligible = nodes.Where(n => eligibility.Admits(n)).ToArray();
            if (replicas <= eligible.Length)
            {
                return;
            }

            var pending = FailedScheduling.Message(eligibility, nodes, eligible.Contains, version);
            var room = eligible.Length == 0
                ? string.Create(CultureInfo.InvariantCulture, $"none of the {nodes.Count} node(s) can take a pod of it")
                : string.Create(CultureInfo.InvariantCulture, $"only {eligible.Length} of the {nodes.Count} node(s) can take a pod of it and {holds}");
            Report(workload, context, string.Create(
                CultureInfo.InvariantCulture,
                $"replicas is {replicas} but {room}: {replicas - eligible.Length} replica(s) stay Pending: \"{pending}\""), severity);
        }
        else if (eligibility.PinnedNodes()?.Count is { } pinned && replicas > pinned)
        {
            Report(workload, context, string.Create(
                CultureInfo.InvariantCulture,
                $"replicas is {replicas} but the pod is pinned by name to {pinned} node(s) and {holds}: {replicas - pinned} replica(s) or more stay Pending ({SchedulerReasons.NodePorts})"), severity);
        }
    }

    private static void Report(Workload workload, AnalysisContext context, string message, Severity severity) =>
        context.Report(Rule, workload, "spec.replicas", message, "lower replicas to the number of nodes that can take one, make more nodes eligible, or use a DaemonSet", severity);
}
