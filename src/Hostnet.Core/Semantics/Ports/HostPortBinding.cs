using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Ports;

/// <summary>
/// A host port a pod holds on its node, normalised as the scheduler stores it (<see cref="HostPortInfo.Sanitize"/>:
/// host IP "" becomes 0.0.0.0, protocol "" becomes TCP), with the container and the field that declare it.
/// </summary>
/// <param name="Protocol">TCP, UDP or SCTP.</param>
/// <param name="HostIP">The host IP; <c>0.0.0.0</c> means every address.</param>
/// <param name="Port">The host port.</param>
/// <param name="Container">The container declaring it.</param>
/// <param name="Declared">The declaration, with its field path.</param>
public sealed record HostPortBinding(string Protocol, string HostIP, int Port, Container Container, ContainerPort Declared)
{
    /// <summary>Whether two bindings conflict on one node, as <see cref="HostPortInfo.Conflict"/> decides.</summary>
    public bool ConflictsWith(HostPortBinding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return HostPortInfo.Conflict(HostIP, Protocol, Port, other.HostIP, other.Protocol, other.Port);
    }

    /// <summary>The field that declares it: <c>hostPort</c> when written, else the <c>containerPort</c> it defaults from.</summary>
    public string FieldPath => Declared.Path + (Declared.HostPort != 0 ? ".hostPort" : ".containerPort");

    public override string ToString() => HostIP == HostPortInfo.DefaultBindAllHostIP ? $"{Port}/{Protocol}" : $"{HostIP}:{Port}/{Protocol}";
}
