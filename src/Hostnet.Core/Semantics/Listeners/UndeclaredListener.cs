using System.Globalization;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>A port a container of a pod evidently listens on that no long-running container of the pod declares.</summary>
/// <param name="Container">The container with the strongest evidence.</param>
/// <param name="Listener">That evidence.</param>
/// <param name="ShowProtocol">Whether the pod uses the same number with several protocols, so messages name it.</param>
public sealed record UndeclaredListener(Container Container, InferredListener Listener, bool ShowProtocol)
{
    /// <summary>
    /// Whether the process is told to listen on the port (flag or variable) while its container declares other
    /// ports: the two have drifted apart (HN011). Otherwise the port is simply missing from the declaration (HN010).
    /// </summary>
    public bool ContradictsDeclaredPorts => Listener.IsToldToListen && Container.Ports.Any(p => p.ContainerPortNumber > 0);

    /// <summary>The port as the message shows it; the protocol is spelt out when TCP alone would be ambiguous.</summary>
    public string PortText => ShowProtocol ? Listeners.PortText.WithProtocol(Listener.Port, Listener.Protocol) : Listener.PortText;

    /// <summary>The entry to add to the container's ports, as YAML flow: <c>{name: metrics, containerPort: 8080}</c>.</summary>
    public string Declaration
    {
        get
        {
            var name = Listener.Name is { } suggested && Container.Ports.All(p => p.Name != suggested) ? $"name: {suggested}, " : string.Empty;
            var protocol = Listener.Protocol == "TCP" ? string.Empty : ", protocol: " + Listener.Protocol;
            return string.Create(CultureInfo.InvariantCulture, $"{{{name}containerPort: {Listener.Port}{protocol}}}");
        }
    }
}
