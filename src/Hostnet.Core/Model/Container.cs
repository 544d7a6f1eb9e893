using System.Collections.Frozen;

namespace Hostnet.Core.Model;

/// <summary>A container of a pod spec, with the field path it was read from.</summary>
public sealed record Container(
    string Path,
    ContainerKind Kind,
    string Name,
    string? Image,
    string? RestartPolicy,
    IReadOnlyList<ContainerPort> Ports,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<EnvVar> Env,
    IReadOnlyList<ProbeHandler> NetworkHandlers,
    SecurityContext SecurityContext)
{
    /// <summary><c>resources.requests</c> as written (quantities as text), by resource name.</summary>
    public IReadOnlyDictionary<string, string> Requests { get; init; } = EmptyRequests;

    /// <summary><c>resources.limits</c> as written; the API copies a limit into an absent request.</summary>
    public IReadOnlyDictionary<string, string> Limits { get; init; } = EmptyRequests;

    private static readonly FrozenDictionary<string, string> EmptyRequests = FrozenDictionary<string, string>.Empty;

    /// <summary>An init container with <c>restartPolicy: Always</c> runs beside the app containers.</summary>
    public bool IsSidecar => Kind == ContainerKind.Init && RestartPolicy == "Always";
}
