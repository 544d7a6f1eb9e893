using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN019: a host-network DaemonSet (a node agent) that does not tolerate taints nodes carry, so the controller runs no
/// pod on them (pkg/controller/daemon/daemon_controller.go, predicates; the tolerations it adds itself come from
/// daemonset_util.go, AddOrUpdateDaemonPodTolerations, SEMANTICS.md §4.3). With a cluster (a snapshot, or Node objects
/// in the input) it names the nodes left out, and the nodes whose pod the <see cref="Scheduling.Scheduler"/> cannot place
/// (ports or resources the running pods hold), with its FailedScheduling message; without, it notes a missing
/// toleration of kubeadm's control-plane taint.
/// </summary>
internal sealed class DaemonSetMissesNodes : IPlacementRule
{
    /// <summary>Selector keys that only pick the platform, not a subset of nodes.</summary>
    private static readonly string[] PlatformLabels = ["kubernetes.io/os", "kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/arch"];

    public static RuleDescriptor Rule { get; } = new(
        "HN019",
        "daemonset-misses-nodes",
        "Host-network DaemonSet does not tolerate taints some nodes carry, so it does not run there",
        Severity.Info,
        RuleSection.WillNotRun)
    {
        Messages =
        [
            Messages.SkipsUnusedControlPlane, Messages.Untolerated, Messages.Pending, Messages.OthersPending, Messages.SkipsControlPlane,
            Messages.MissingOnNodes, Messages.StatusCounts, Messages.OnePodPending, Messages.PodsPending,
        ],
        Fixes = [Fixes.TolerateWhereNeeded, Fixes.AddTolerations, Fixes.FreeNodes, Fixes.TolerateIfNeeded, Fixes.SeeWhyPending],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN019's messages. With a snapshot: the control-plane nodes it skips where nothing needs it ({0} how many, {1} the
    /// taint, {2} which); else the nodes whose taints it does not tolerate ({0} of {1}, {2} which) and the nodes whose pod
    /// stays Pending ({0} how many, {1} which, {2} the scheduler's message), the two joined by "; ". Without one: it skips
    /// control-plane nodes ({0} the taint). Observed by <c>hostnet audit</c> (Audit/DaemonSetCoverage.cs): MissingOnNodes
    /// ({0} nodes with its pod, {1} nodes it should run on, {2} StatusCounts or nothing, {3} the nodes without, {4}
    /// OnePodPending, PodsPending or nothing).
    /// </summary>
    internal static class Messages
    {
        private const string Silently = "no Pending pod and no event, the DaemonSet's desired count just leaves them out";

        private const string PendingNodes = "the scheduler cannot place the pod of {0} node(s), which stays Pending: {1}: \"{2}\"";

        public static RuleText SkipsUnusedControlPlane { get; } = new(
            nameof(SkipsUnusedControlPlane),
            "this host-network DaemonSet skips the {0} control-plane node(s) it selects, which carry {1} and get no pod of it: {2}; the snapshot shows no workload pod there (only DaemonSet and static pods), so nothing there needs it");

        public static RuleText Untolerated { get; } = new(
            nameof(Untolerated),
            "this host-network DaemonSet does not tolerate taints of {0} of the {1} node(s) it selects, so it runs no pod there (" + Silently + "): {2}");

        public static RuleText Pending { get; } = new(
            nameof(Pending),
            "this host-network DaemonSet's controller creates a pod on every node it selects, but " + PendingNodes);

        public static RuleText OthersPending { get; } = new(nameof(OthersPending), "of the others, " + PendingNodes);

        public static RuleText SkipsControlPlane { get; } = new(
            nameof(SkipsControlPlane),
            "this host-network DaemonSet skips control-plane nodes: it does not tolerate {0}, the taint kubeadm puts on them, so it runs no pod there (" + Silently
                + "); that is intended for agents whose work runs on worker nodes only (storage, devices, tracing), since the same taint keeps ordinary pods off those nodes");

        public static RuleText MissingOnNodes { get; } = new(nameof(MissingOnNodes), "runs on {0} of the {1} nodes it should run on{2}: none on {3}{4}");

        public static RuleText StatusCounts { get; } = new(nameof(StatusCounts), " (its status: {0} desired, {1} available)");

        public static RuleText OnePodPending { get; } = new(nameof(OnePodPending), "; 1 pod of it is Pending");

        public static RuleText PodsPending { get; } = new(nameof(PodsPending), "; {0} pods of it are Pending");
    }

    /// <summary>HN019's fixes; the first and the last name the control-plane taint's key ({0}).</summary>
    internal static class Fixes
    {
        public static RuleText TolerateWhereNeeded { get; } = new(
            nameof(TolerateWhereNeeded),
            "if pods that need the agent will run on control-plane nodes, tolerate the taint (key: {0}, operator: Exists, effect: NoSchedule)");

        public static RuleText AddTolerations { get; } = new(
            nameof(AddTolerations),
            "add a toleration for each taint the agent should ignore, or `- operator: Exists` to run on every node");

        public static RuleText FreeNodes { get; } = new(
            nameof(FreeNodes),
            "free what the scheduler's message names on those nodes (ports, resources), or leave them out with a node selector");

        public static RuleText TolerateIfNeeded { get; } = new(
            nameof(TolerateIfNeeded),
            "if the agent belongs on control-plane nodes too, tolerate the taint (key: {0}, operator: Exists, effect: NoSchedule)");

        public static RuleText SeeWhyPending { get; } = new(
            nameof(SeeWhyPending),
            "see why with kubectl describe pod on its Pending pods (a host port held there, resources); a node agent missing from a node leaves that node without it");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An indexed loop: asked of every input, and most hold no host-network DaemonSet (an admission review of a Pod).
        var workloads = context.Workloads;
        for (var i = 0; i < workloads.Count; i++)
        {
            if (workloads[i].Kind == "DaemonSet" && workloads[i].Spec.HostNetwork)
            {
                Check(workloads[i], context);
            }
        }
    }

    private static void Check(Workload daemonSet, AnalysisContext context)
    {
        var spec = daemonSet.Spec;
        var eligibility = NodeEligibility.ForDaemonSetPod(spec);
        var position = spec.Path + ".tolerations";
        var cluster = context.RunningCluster;
        if (cluster.IsKnown)
        {
            var nodes = cluster.Nodes;
            var missedNodes = nodes.Where(n => eligibility.Placement.Matches(n) && eligibility.FirstUntoleratedTaint(n) is not null).ToArray();
            var missed = missedNodes.Select(n => $"{n.Name} ({Describe(eligibility.FirstUntoleratedTaint(n)!)})").ToArray();
            var selected = nodes.Count(eligibility.Placement.Matches);
            var pending = Pending(daemonSet, cluster);
            if (pending.Nodes.Count == 0 && missedNodes.Length > 0
                && missedNodes.All(n => eligibility.FirstUntoleratedTaint(n)!.Key == WellKnownTaints.ControlPlane.Key)
                && !WorkloadPodsOn(missedNodes, cluster).Any())
            {
                context.Report(
                    Rule,
                    daemonSet,
                    position,
                    Messages.SkipsUnusedControlPlane.With(missedNodes.Length, Describe(WellKnownTaints.ControlPlane), KnownNodes.List(missedNodes.Select(n => n.Name).ToArray())),
                    Fixes.TolerateWhereNeeded.With(WellKnownTaints.ControlPlane.Key));
                return;
            }

            var parts = new List<string>();
            if (missed.Length > 0)
            {
                parts.Add(Messages.Untolerated.With(missed.Length, selected, KnownNodes.List(missed)));
            }

            if (pending.Nodes.Count > 0)
            {
                parts.Add((missed.Length > 0 ? Messages.OthersPending : Messages.Pending).With(pending.Nodes.Count, KnownNodes.List(pending.Nodes), pending.Message));
            }

            if (parts.Count > 0)
            {
                context.Report(
                    Rule,
                    daemonSet,
                    position,
                    string.Join("; ", parts),
                    (missed.Length > 0 ? Fixes.AddTolerations : Fixes.FreeNodes).Text,
                    Severity.Warning);
            }

            return;
        }

        if (eligibility.Tolerations.Any(t => t.Tolerates(WellKnownTaints.ControlPlane)) || SelectsSomeNodes(spec) || SelectsWindows(spec))
        {
            return;
        }

        context.Report(
            Rule,
            daemonSet,
            position,
            Messages.SkipsControlPlane.With(Describe(WellKnownTaints.ControlPlane)),
            Fixes.TolerateIfNeeded.With(WellKnownTaints.ControlPlane.Key));
    }

    /// <summary>
    /// Running pods on <paramref name="nodes"/> that a node agent may serve: neither DaemonSet pods nor static pods
    /// (owned by their Node), which are there to run the control plane itself.
    /// </summary>
    private static IEnumerable<ClusterPod> WorkloadPodsOn(IReadOnlyList<Node> nodes, ClusterSimulation cluster)
    {
        var names = nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        return cluster.Running.Select(r => r.Pod)
            .Where(p => p.NodeName is { } node && names.Contains(node) && p.Controller?.Kind is not ("DaemonSet" or "Node"));
    }

    /// <summary>
    /// A DaemonSet for Windows nodes never misses a kubeadm control-plane node: the control plane runs only on Linux
    /// (kubernetes/website content/en/docs/concepts/windows/intro.md: "you can only run the control plane on Linux").
    /// </summary>
    private static bool SelectsWindows(PodSpec spec) =>
        spec.NodeSelector.TryGetValue("kubernetes.io/os", out var os) && os == "windows"
        || spec.RequiredNodeAffinity.Count > 0 && spec.RequiredNodeAffinity.All(t =>
            t.MatchExpressions.Any(r => r.Key == "kubernetes.io/os" && r.Operator == "In" && r.Values.Count > 0 && r.Values.All(v => v == "windows")));

    /// <summary>
    /// The nodes whose DaemonSet pod the scheduler cannot place on the cluster as it runs (the DaemonSet's own running
    /// pods set aside), with the first one's FailedScheduling message.
    /// </summary>
    private static (IReadOnlyList<string> Nodes, string? Message) Pending(Workload daemonSet, ClusterSimulation cluster)
    {
        var pods = cluster.PodsOf(daemonSet);
        var results = cluster.Place(pods, cluster.RunningOf(daemonSet));
        var pending = pods.Zip(results).Where(p => !p.Second.IsScheduled && p.Second.NominatedNode is null).ToArray();
        return ([.. pending.Select(p => p.First.Spec.PreFilterNodeNames!.Single())], pending.FirstOrDefault().Second?.Message);
    }

    /// <summary>Whether the DaemonSet picks its nodes (beyond the OS and architecture), so leaving others out is intended.</summary>
    private static bool SelectsSomeNodes(PodSpec spec) =>
        !string.IsNullOrEmpty(spec.NodeName)
        || spec.NodeSelector.Keys.Any(k => !PlatformLabels.Contains(k))
        || spec.RequiredNodeAffinity.Any(t => t.MatchFields.Count > 0 || t.MatchExpressions.Any(r => !PlatformLabels.Contains(r.Key)));

    /// <summary>As kubectl prints a taint: <c>key=value:Effect</c>, or <c>key:Effect</c> without a value.</summary>
    private static string Describe(Taint taint) =>
        string.IsNullOrEmpty(taint.Value) ? $"{taint.Key}:{taint.Effect}" : $"{taint.Key}={taint.Value}:{taint.Effect}";
}
