namespace Hostnet.Core.Model;

/// <summary>
/// One entry of <c>status.conditions</c>, e.g. a pod's <c>PodScheduled False Unschedulable</c> with the scheduler's message
/// (controllers' conditions, such as a Deployment's <c>Progressing</c>, have the same shape).
/// </summary>
public sealed record PodCondition(string Type, string Status, string? Reason, string? Message);
