namespace Hostnet.Core.Model;

/// <summary>The parts of a pod's <c>status</c> (and <c>metadata.deletionTimestamp</c>) that hostnet uses.</summary>
/// <param name="Phase"><c>Pending</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c> or <c>Unknown</c>.</param>
/// <param name="Terminating">Whether <c>metadata.deletionTimestamp</c> is set.</param>
public sealed record PodStatus(
    string Phase,
    bool Terminating,
    string? HostIP,
    string? PodIP,
    IReadOnlyList<PodCondition> Conditions)
{
    /// <summary><c>status.initContainerStatuses</c> then <c>status.containerStatuses</c>: which runtime container runs which container.</summary>
    public IReadOnlyList<ContainerStatus> ContainerStatuses { get; init; } = [];

    public static PodStatus Running { get; } = new("Running", false, null, null, []);

    /// <summary>Whether the pod ended (<c>Succeeded</c>, <c>Failed</c>): it holds no ports or resources, the scheduler drops it.</summary>
    public bool Ended => Phase is "Succeeded" or "Failed";
}
