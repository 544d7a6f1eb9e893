namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// One resource a node lacks for a pod, as pkg/scheduler/framework/plugins/noderesources/fit.go (v1.35) reports it
/// (InsufficientResource): the scheduler prints <see cref="Reason"/>, the kubelet the figures.
/// </summary>
/// <param name="ResourceName"><c>pods</c>, <c>cpu</c> (in millicores), <c>memory</c> or <c>ephemeral-storage</c> (bytes).</param>
/// <param name="Reason">The scheduler's reason: <c>Too many pods</c>, <c>Insufficient cpu</c>, ….</param>
/// <param name="Requested">What the pod asks for.</param>
/// <param name="Used">What the node's pods already hold.</param>
/// <param name="Capacity">The node's allocatable amount.</param>
internal sealed record InsufficientResource(string ResourceName, string Reason, long Requested, long Used, long Capacity);
