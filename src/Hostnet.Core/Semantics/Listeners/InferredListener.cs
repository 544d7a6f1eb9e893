namespace Hostnet.Core.Semantics.Listeners;

/// <summary>A port a container evidently listens on, and why hostnet thinks so.</summary>
/// <param name="Port">The port, 1–65535.</param>
/// <param name="Protocol">TCP, UDP or SCTP.</param>
/// <param name="Source">The kind of evidence.</param>
/// <param name="Evidence">The evidence in the user's terms: <c>readinessProbe httpGet</c>, <c>--port=8080</c>, <c>env PORT=8080</c>, <c>default of image nginx</c>.</param>
/// <param name="FieldPath">The field holding the evidence, for the finding's position.</param>
/// <param name="Name">A port name the evidence suggests (<c>metrics</c> for <c>--metrics-bind-address</c>), or null.</param>
public sealed record InferredListener(int Port, string Protocol, ListenerSource Source, string Evidence, string FieldPath, string? Name)
{
    /// <summary>
    /// Whether the protocol is an assumption: a listen flag or variable names a number, not a protocol, so TCP is
    /// assumed and a declaration of the number with any protocol matches it (<c>--port=514</c> for a UDP syslog port).
    /// </summary>
    public bool ProtocolIsAssumed { get; init; }

    /// <summary>Whether the process is told to listen there (a flag or an environment variable), not merely probed.</summary>
    public bool IsToldToListen => Source is ListenerSource.Argument or ListenerSource.Environment;

    /// <summary>The port as users write it: <c>8080</c> for TCP, <c>53/UDP</c> otherwise.</summary>
    public string PortText => Listeners.PortText.Of(Port, Protocol);
}
