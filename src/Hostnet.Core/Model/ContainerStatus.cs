namespace Hostnet.Core.Model;

/// <summary>One entry of a pod's <c>status.containerStatuses</c> (or <c>initContainerStatuses</c>).</summary>
/// <param name="Name">The container's name in the pod spec.</param>
/// <param name="ContainerID">The runtime's ID as <c>&lt;runtime&gt;://&lt;id&gt;</c> (<c>containerd://…</c>, <c>cri-o://…</c>, <c>docker://…</c>).</param>
/// <param name="Running">Whether <c>state.running</c> is set.</param>
/// <param name="StartedAt"><c>state.running.startedAt</c>, when running.</param>
public sealed record ContainerStatus(string Name, string? ContainerID, bool Running, DateTimeOffset? StartedAt)
{
    /// <summary>The runtime's ID without its <c>&lt;runtime&gt;://</c> prefix, as it appears in cgroup paths.</summary>
    public string? RuntimeId => ContainerID is { } id && id.IndexOf("://", StringComparison.Ordinal) is var at and >= 0 ? id[(at + 3)..] : ContainerID;
}
