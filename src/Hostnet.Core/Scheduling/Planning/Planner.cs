using System.Globalization;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Expansion;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Listeners;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>
/// Predicts what the cluster does with the workloads of the input: their controllers create pods
/// (<see cref="WorkloadExpander"/>), the kubelet admits or rejects pods that name their node
/// (<see cref="KubeletAdmission"/>), the scheduler places the others (<see cref="Scheduler"/>) in priority order, then
/// by namespace and name (so the input's order never matters), and at start-up a host-network process that binds a
/// port another one already holds on its node crash-loops (<see cref="NodeListeners"/>). The snapshot's pods are
/// placed first: bound ones on their nodes, unbound ones queue with the new pods; succeeded and failed ones hold
/// nothing. The pods are placed on a <see cref="ClusterSimulation"/>, the cluster the placement rules ask too.
/// </summary>
internal sealed class Planner
{
    private readonly PlanOptions _options;
    private readonly ClusterSimulation _cluster;
    private readonly PodAddresses _addresses = new();
    private readonly Dictionary<NodeInfo, NodeListeners> _listeners = [];
    private readonly List<string> _notes = [];
    private readonly List<PlannedPod> _rows = [];
    private (SchedulingSpec Spec, string Owner, long Version, bool Certain)? _lastCertainty;

    // The first pod of each OrderedReady StatefulSet that will not be Running and Ready: the controller creates none after it.
    private readonly Dictionary<Workload, (int Ordinal, string Name, bool Certain)> _stalled = new(ReferenceEqualityComparer.Instance);

    private Planner(ClusterSnapshot cluster, PlanOptions options)
    {
        _options = options;
        _cluster = new ClusterSimulation(cluster.Nodes, cluster.Pods, options.KubeVersion, options.DefaultNamespace);
        foreach (var @namespace in cluster.Namespaces)
        {
            _cluster.State.AddNamespace(@namespace.Name, @namespace.Metadata.Labels);
        }
    }

    /// <summary>The plan of the workloads of the input, once <c>kubectl apply</c> has stored them (<see cref="AppliedWorkloads"/>).</summary>
    public static PlanResult Plan(ClusterSnapshot cluster, IEnumerable<Workload> workloads, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Plan(cluster, AppliedWorkloads.Resolve(workloads, options.Refusals, options.DefaultNamespace), options);
    }

    /// <summary>The plan of workloads already resolved, for a caller that also simulates their rollouts from the same resolution.</summary>
    public static PlanResult Plan(ClusterSnapshot cluster, AppliedWorkloads applied, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(options);
        var planner = new Planner(cluster, options);
        var queue = planner.PlaceExisting(cluster);
        var bound = new List<ExpandedPod>();
        planner._notes.AddRange(applied.Notes);
        foreach (var workload in applied.Workloads)
        {
            planner.Expand(workload, cluster, queue, bound);
        }

        var placed = new List<Placement>();
        foreach (var pod in bound.OrderBy(p => p.Pod.Namespace, StringComparer.Ordinal).ThenBy(p => p.Pod.Name, StringComparer.Ordinal))
        {
            planner.Admit(pod, placed);
        }

        foreach (var pod in queue.OrderByDescending(p => p.Pod.Priority).ThenBy(p => p.Pod.Namespace, StringComparer.Ordinal).ThenBy(CreationOrder, StringComparer.Ordinal))
        {
            planner.Schedule(pod, placed);
        }

        planner.Start(placed);
        var rows = planner._rows.OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new PlanResult(rows, cluster.Nodes.Count, planner._notes) { Refused = applied.Refused };
    }

    /// <summary>
    /// Rows and listeners for the snapshot's pods (the simulation bound the running ones); returns the queue, holding
    /// its unbound pods.
    /// </summary>
    private List<QueuedPod> PlaceExisting(ClusterSnapshot cluster)
    {
        var queue = new List<QueuedPod>();
        var running = _cluster.Running;
        var next = 0;
        var shared = new SharedPodParts();
        foreach (var existing in cluster.Pods)
        {
            var pod = existing.Pod;

            // The running pods come in snapshot order: each is met here in turn, with the view the simulation bound.
            var isRunning = next < running.Count && ReferenceEquals(running[next].Pod, existing);
            var info = isRunning ? running[next++].Info : ExistingPods.Info(existing, Namespace(pod), shared);
            var owner = info.Owner;
            _addresses.Reserve(existing.Status.PodIP);
            var terminal = existing.Status.Ended;
            if (!terminal && existing.NodeName is null)
            {
                queue.Add(new QueuedPod(info, pod, FromInput: false));
                continue;
            }

            var node = _cluster.State.Find(existing.NodeName);
            if (isRunning && node is not null)
            {
                foreach (var listener in Listener.Of(info.Spec))
                {
                    ListenersOn(node).Hold(listener.Port, listener.Protocol, Holder(info, listener, isFixed: true));
                }
            }
            else if (!terminal)
            {
                _notes.Add($"pod {info} is bound to node {existing.NodeName}, which the cluster does not list: it holds no node's ports or resources here");
            }

            var status = existing.Status.Terminating ? "Terminating" : existing.Status.Phase;
            var message = existing.Status.Conditions.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "False")?.Message;
            _rows.Add(new PlannedPod(info.Namespace, info.Name, owner, existing.NodeName, status, null, Ready(pod.Spec, status == "Running"), "0", existing.Status.PodIP, pod.Spec.HostNetwork, message, Certain: true, FromInput: false));
        }

        return queue;
    }

    private void Expand(Workload workload, ClusterSnapshot cluster, List<QueuedPod> queue, List<ExpandedPod> bound)
    {
        var @namespace = Namespace(workload);
        if (RunningIn(cluster, workload, @namespace) is { } running)
        {
            _notes.Add($"{workload.DisplayName} already runs in the cluster ({running} pods, shown as they are); use --rollout to simulate updating it");
            return;
        }

        foreach (var pod in WorkloadExpander.Expand(workload, @namespace, _cluster.State.Nodes, _cluster.Version))
        {
            if (string.IsNullOrEmpty(pod.Pod.Spec.Spec.NodeName))
            {
                queue.Add(new QueuedPod(pod.Pod, workload, FromInput: true));
            }
            else
            {
                bound.Add(pod);
            }
        }
    }

    /// <summary>A pod that names its node skips the scheduler; the kubelet admits it or rejects it (phase Failed).</summary>
    private void Admit(ExpandedPod expanded, List<Placement> placed)
    {
        var pod = expanded.Pod;
        var nodeName = pod.Spec.Spec.NodeName!;
        if (_cluster.State.Find(nodeName) is not { } node)
        {
            Row(pod, expanded.Workload, null, "Pending", null, null, $"the pod names node {nodeName}, which the cluster does not list: no kubelet will ever run it", certain: true);
            return;
        }

        var admission = KubeletAdmission.Admit(pod, node);
        if (!admission.IsAdmitted)
        {
            Row(pod, expanded.Workload, node, "Failed", admission.Reason, null, admission.Message, certain: true);
            return;
        }

        _cluster.Bind(pod, node.Name);
        placed.Add(new Placement(pod, expanded.Workload, node, OnlyChoice: true));
    }

    private void Schedule(QueuedPod queued, List<Placement> placed)
    {
        var pod = queued.Pod;
        if (NeverCreated(pod, queued.Workload))
        {
            return;
        }

        var result = _cluster.Schedule(pod);
        if (result.NodeName is { } nodeName)
        {
            var node = _cluster.State.Find(nodeName)!;
            _cluster.Bind(pod, nodeName);
            placed.Add(new Placement(pod, queued.Workload, node, result.OnlyChoice) { FromInput = queued.FromInput });
            return;
        }

        var certain = IsCertainlyUnschedulable(pod, placed);
        Stall(pod, queued.Workload, certain);
        _rows.Add(new PlannedPod(pod.Namespace, pod.Name, pod.Owner, null, "Pending", null, Ready(pod.Spec.Spec, false), "0", null, pod.Spec.HostNetwork, result.Message, certain, queued.FromInput, result.NominatedNode));
    }

    /// <summary>
    /// A pod that fits nowhere fails whatever the scheduler chose when it still fits nowhere without the pods of
    /// other workloads that this run placed by scoring (they might have gone elsewhere); its own workload's pods stay,
    /// since replicas compete as equals wherever they land.
    /// </summary>
    private bool IsCertainlyUnschedulable(PodInfo pod, List<Placement> placed)
    {
        // The replicas of one workload that fail in a row, on an unchanged state, get the same answer.
        if (_lastCertainty is { } last && ReferenceEquals(last.Spec, pod.Spec) && last.Owner == pod.Owner && last.Version == _cluster.State.Version)
        {
            return last.Certain;
        }

        var movable = placed.Where(p => !p.OnlyChoice && p.Pod.Owner != pod.Owner).Select(p => p.Pod).ToList();
        var certain = movable.Count == 0 || !_cluster.FitsAnywhere(pod, movable);
        _lastCertainty = (pod.Spec, pod.Owner, _cluster.State.Version, certain);
        return certain;
    }

    /// <summary>Starts the placed pods in order: a host-network process binding a port already held crash-loops.</summary>
    private void Start(List<Placement> placed)
    {
        foreach (var placement in placed)
        {
            var (pod, workload, node) = (placement.Pod, placement.Workload, placement.Node);
            if (NeverCreated(pod, workload))
            {
                continue;
            }

            var listeners = ListenersOn(node);
            var image = pod.Spec.Spec.LongRunningContainers.FirstOrDefault()?.Image;
            (Listener Listener, PortHolder Holder)? crash = null;
            foreach (var listener in Listener.Of(pod.Spec))
            {
                var containerImage = pod.Spec.Spec.LongRunningContainers.FirstOrDefault(c => c.Name == listener.Container)?.Image ?? image;
                if (listeners.Conflict(listener, containerImage) is { } holder)
                {
                    crash ??= (listener, holder);
                }
                else
                {
                    listeners.Hold(listener.Port, listener.Protocol, Holder(pod, listener, placement.OnlyChoice));
                }
            }

            var fromInput = placement.FromInput;
            if (crash is { } c)
            {
                Stall(pod, workload, c.Holder.Fixed && (placement.OnlyChoice || c.Holder.OnEveryNode));
                Row(pod, workload, node, "CrashLoopBackOff", null, null, CrashMessage(c.Listener, c.Holder, node), c.Holder.Fixed && (placement.OnlyChoice || c.Holder.OnEveryNode), fromInput);
            }
            else
            {
                Row(pod, workload, node, "Running", null, _addresses.Next(node, pod.Spec.HostNetwork), null, placement.OnlyChoice, fromInput);
            }
        }
    }

    /// <summary>
    /// The order in which the queue takes pods of one priority and namespace: by name, a StatefulSet's by ordinal (its
    /// controller creates them in that order), so db-2 comes before db-10.
    /// </summary>
    private static string CreationOrder(QueuedPod queued)
    {
        var workload = queued.Workload;
        if (!queued.FromInput || workload.Kind != "StatefulSet" || Ordinal(queued.Pod) is not { } ordinal)
        {
            return queued.Pod.Name;
        }

        var width = (workload.EffectiveReplicas - 1).ToString(CultureInfo.InvariantCulture).Length;
        return $"{workload.Name}-{ordinal.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}";
    }

    private static int? Ordinal(PodInfo pod) =>
        int.TryParse(pod.Name.AsSpan(pod.Name.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) ? ordinal : null;

    /// <summary>Records that an OrderedReady StatefulSet's pod will not be Running and Ready, so no later ordinal is created.</summary>
    private void Stall(PodInfo pod, Workload workload, bool certain)
    {
        if (workload.CreatesInOrder && Ordinal(pod) is { } ordinal && !(_stalled.TryGetValue(workload, out var stalled) && stalled.Ordinal <= ordinal))
        {
            _stalled[workload] = (ordinal, pod.Name, certain);
        }
    }

    /// <summary>
    /// Whether the pod comes after one its OrderedReady StatefulSet waits for forever; then its row says so. (A later
    /// ordinal placed before its predecessor crash-looped stays bound in the simulation.)
    /// </summary>
    private bool NeverCreated(PodInfo pod, Workload workload)
    {
        if (!workload.CreatesInOrder || !_stalled.TryGetValue(workload, out var stalled) || Ordinal(pod) is not { } ordinal || ordinal <= stalled.Ordinal)
        {
            return false;
        }

        Row(pod, workload, null, PlannedPod.NotCreated, null, null, $"the StatefulSet controller never creates this pod: with podManagementPolicy OrderedReady it creates each pod once the one before is Running and Ready, and {stalled.Name} never is", stalled.Certain);
        return true;
    }

    private static string CrashMessage(Listener listener, PortHolder holder, NodeInfo node)
    {
        var port = PortText.Of(listener.Port, listener.Protocol);
        var holderText = holder.Pod is null ? $"{holder.Description} ({holder.Reserved?.Where ?? "reserved on every node"})" : holder.Description;
        return $"container {listener.Container} cannot listen on port {port} of node {node.Name} ({listener.Evidence}): {holderText} already holds it, "
            + "so the process exits with \"bind: address already in use\" and the kubelet restarts it with growing back-off";
    }

    private static PortHolder Holder(PodInfo pod, Listener listener, bool isFixed) =>
        new($"pod {pod} (container {listener.Container}, {listener.Evidence})", pod, listener.HostIP, isFixed);

    private void Row(PodInfo pod, Workload workload, NodeInfo? node, string status, string? reason, string? ip, string? message, bool certain, bool fromInput = true)
    {
        if (status == "CrashLoopBackOff")
        {
            ip = _addresses.Next(node!, pod.Spec.HostNetwork);
        }

        var restarts = status == "CrashLoopBackOff" ? "1+" : "0";
        var ready = status == "CrashLoopBackOff"
            ? string.Create(CultureInfo.InvariantCulture, $"{Containers(workload.Spec) - 1}/{Containers(workload.Spec)}")
            : Ready(pod.Spec.Spec, status == "Running");
        _rows.Add(new PlannedPod(pod.Namespace, pod.Name, pod.Owner, node?.Name, status, reason, ready, restarts, ip, pod.Spec.HostNetwork, message, certain, fromInput));
    }

    private NodeListeners ListenersOn(NodeInfo node)
    {
        if (!_listeners.TryGetValue(node, out var listeners))
        {
            _listeners[node] = listeners = new NodeListeners(node, _options.ExtraReservedPorts);
        }

        return listeners;
    }

    private string Namespace(KubeObject obj) => obj.NamespaceOr(_options.DefaultNamespace);

    /// <summary>How many of the snapshot's pods belong to a workload of the input (by owner reference), or null when none.</summary>
    private int? RunningIn(ClusterSnapshot cluster, Workload workload, string @namespace)
    {
        if (workload.IsPod)
        {
            return cluster.Pods.Any(p => p.Pod.Name == workload.Name && Namespace(p.Pod) == @namespace) ? 1 : null;
        }

        var count = cluster.Pods.Count(p => Namespace(p.Pod) == @namespace && p.Controller is { } owner && Owns(workload, owner, p.Pod));
        return count > 0 || cluster.Workloads.Any(w => w.Kind == workload.Kind && w.Name == workload.Name && Namespace(w) == @namespace) ? count : null;
    }

    private static bool Owns(Workload workload, OwnerReference owner, Workload pod) =>
        workload.Kind == "Deployment"
            ? owner.Kind == "ReplicaSet" && pod.Metadata.Labels.TryGetValue("pod-template-hash", out var hash) && owner.Name == workload.Name + "-" + hash
            : owner.Kind == workload.Kind && owner.Name == workload.Name;

    private static int Containers(PodSpec spec) => spec.LongRunningContainers.Count();

    private static string Ready(PodSpec spec, bool running) =>
        string.Create(CultureInfo.InvariantCulture, $"{(running ? Containers(spec) : 0)}/{Containers(spec)}");

    private sealed record QueuedPod(PodInfo Pod, Workload Workload, bool FromInput);

    private sealed record Placement(PodInfo Pod, Workload Workload, NodeInfo Node, bool OnlyChoice)
    {
        public bool FromInput { get; init; } = true;
    }
}
