namespace Hostnet.Core.Ports;

/// <summary>A host port (or port range) in use on a node.</summary>
/// <param name="Port">The port, or the first of the range.</param>
/// <param name="ToPort">The last port of the range; equal to <paramref name="Port"/> for one port.</param>
/// <param name="Protocol"><c>TCP</c>, <c>UDP</c>, <c>SCTP</c>, or <c>TCP+UDP</c> for a node component holding both.</param>
/// <param name="HostIP">The address bound: <c>0.0.0.0</c> for every address.</param>
/// <param name="Owner">Who holds it: <c>Pod ns/name</c>, a Service, or the node component's description.</param>
/// <param name="Workload">The pod's controller as <c>Kind/name</c>, when it has one.</param>
/// <param name="Detail">The evidence: the declaring field, the listen flag, the catalogue's note.</param>
/// <param name="Planned">Whether it comes from the manifests given (placed as if applied), not from the cluster.</param>
/// <param name="Terminating">Whether the pod is being deleted (it holds the port until it is gone).</param>
public sealed record PortUse(
    int Port,
    int ToPort,
    string Protocol,
    string HostIP,
    PortSource Source,
    string Owner,
    string? Workload,
    string Detail,
    bool Planned,
    bool Terminating = false)
{
    /// <summary>
    /// For a planned pod, whether it lands on this node whatever the scheduler chooses (false: "in this run", another
    /// feasible node would do as well); always true for what the cluster already runs.
    /// </summary>
    public bool Certain { get; init; } = true;

    /// <summary>Whether the scheduler's NodePorts filter sees this port.</summary>
    public bool KnownToScheduler => Source == PortSource.Declared;

    public bool Covers(int port, string protocol) =>
        port >= Port && port <= ToPort && (Protocol == protocol || (Protocol == "TCP+UDP" && protocol is "TCP" or "UDP"));
}
