using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Ports;

/// <summary>
/// A host port a pod holds on its node, normalised as the scheduler stores it: host IP "" becomes 0.0.0.0 and
/// protocol "" becomes TCP (kube-scheduler framework types.go, HostPortInfo sanitize).
/// </summary>
/// <param name="Protocol">TCP, UDP or SCTP.</param>
/// <param name="HostIP">The host IP; <c>0.0.0.0</c> means every address.</param>
/// <param name="Port">The host port.</param>
/// <param name="Container">The container declaring it.</param>
/// <param name="Declared">The declaration, with its field path.</param>
public sealed record HostPortBinding(string Protocol, string HostIP, int Port, Container Container, ContainerPort Declared)
{
    public const string AnyAddress = "0.0.0.0";

    /// <summary>
    /// Whether two bindings conflict on one node: the same protocol and port, and the same IP string or either side on
    /// 0.0.0.0. IPs compare as strings; "::" is not a wildcard (HostPortInfo.CheckConflict).
    /// </summary>
    public bool ConflictsWith(HostPortBinding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Port == other.Port
            && Protocol == other.Protocol
            && (HostIP == other.HostIP || HostIP == AnyAddress || other.HostIP == AnyAddress);
    }

    /// <summary>The field that declares it: <c>hostPort</c> when written, else the <c>containerPort</c> it defaults from.</summary>
    public string FieldPath => Declared.Path + (Declared.HostPort != 0 ? ".hostPort" : ".containerPort");

    public override string ToString() => HostIP == AnyAddress ? $"{Port}/{Protocol}" : $"{HostIP}:{Port}/{Protocol}";
}
