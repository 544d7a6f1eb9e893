namespace Hostnet.Core.Cluster;

/// <summary>One entry of <c>status.conditions</c>, e.g. <c>PodScheduled False Unschedulable</c> with the scheduler's message.</summary>
public sealed record PodCondition(string Type, string Status, string? Reason, string? Message);
