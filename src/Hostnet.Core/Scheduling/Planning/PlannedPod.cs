namespace Hostnet.Core.Scheduling.Planning;

/// <summary>One row of the plan: a pod as <c>kubectl get pods -o wide</c> and <c>kubectl describe pod</c> would show it.</summary>
/// <param name="Owner">The workload, <c>Kind/name</c> (for a pod of the snapshot, its controller from ownerReferences).</param>
/// <param name="Node">The node, or null while Pending.</param>
/// <param name="Status">
/// <c>Running</c>, <c>Pending</c>, <c>CrashLoopBackOff</c>, <c>Failed</c> (kubelet rejection) or <see cref="NotCreated"/>; for pods of the
/// snapshot, their phase (or <c>Terminating</c>).
/// </param>
/// <param name="Reason">The pod's <c>status.reason</c> when the kubelet rejected it (<c>NodePorts</c>, <c>OutOfcpu</c>); kubectl shows it as the status.</param>
/// <param name="Ready">READY as kubectl prints it, e.g. <c>1/1</c>.</param>
/// <param name="Restarts">RESTARTS: <c>0</c>, or <c>1+</c> for a crash-looping pod (the count grows with time).</param>
/// <param name="IP">The pod IP: the node's InternalIP on host network, else an address of the node's pod CIDR; null when none.</param>
/// <param name="Message">For Pending the <c>FailedScheduling</c> message, for Failed the kubelet's status message, for CrashLoopBackOff hostnet's explanation.</param>
/// <param name="Certain">Whether the outcome holds whatever the scheduler chooses among feasible nodes (false: "in this run").</param>
/// <param name="FromInput">Whether the pod comes from the manifests given, rather than from the cluster snapshot.</param>
/// <param name="NominatedNode">Where preemption would make room by evicting lower-priority pods, or null.</param>
public sealed record PlannedPod(
    string Namespace,
    string Name,
    string Owner,
    string? Node,
    string Status,
    string? Reason,
    string Ready,
    string Restarts,
    string? IP,
    bool HostNetwork,
    string? Message,
    bool Certain,
    bool FromInput,
    string? NominatedNode = null)
{
    /// <summary>The status of a pod its StatefulSet never creates (OrderedReady, after a pod that never becomes Ready); kubectl lists no such pod.</summary>
    public const string NotCreated = "NotCreated";

    /// <summary>What kubectl prints in STATUS: the kubelet's reason for a rejected pod, else the status.</summary>
    public string DisplayStatus => Reason ?? Status;

    /// <summary>Whether the pod would not run: Pending, crash-looping, rejected or never created.</summary>
    public bool WouldNotRun => Status is "Pending" or "CrashLoopBackOff" or "Failed" or NotCreated;
}
