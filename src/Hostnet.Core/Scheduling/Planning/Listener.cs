using System.Globalization;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>A socket a host-network pod's process binds on its node, and why hostnet expects it.</summary>
/// <param name="Container">The container that binds it.</param>
/// <param name="Evidence">Why: <c>containerPort 80</c>, or the inference (<c>default of image nginx</c>, <c>--port=8080</c>).</param>
internal sealed record Listener(int Port, string Protocol, string HostIP, string Container, string Evidence)
{
    /// <summary>
    /// What the pod's processes listen on when it runs on the host network: its declared ports (the scheduler knows
    /// these) and the undeclared ports HN010 infers (it does not). Pods on their own network listen in their own
    /// namespace and hold nothing on the node.
    /// </summary>
    public static IReadOnlyList<Listener> Of(SchedulingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.HostNetwork)
        {
            return [];
        }

        var listeners = new List<Listener>();
        foreach (var container in spec.Spec.LongRunningContainers)
        {
            foreach (var port in container.Ports.Where(p => p.ContainerPortNumber > 0))
            {
                var (ip, protocol) = HostPortInfo.Sanitize(port.HostIP, port.EffectiveProtocol);
                listeners.Add(new Listener(
                    port.ContainerPortNumber,
                    protocol,
                    ip,
                    container.Name,
                    "containerPort " + port.ContainerPortNumber.ToString(CultureInfo.InvariantCulture)));
            }
        }

        foreach (var undeclared in new PodListeners(spec.Spec).Undeclared)
        {
            listeners.Add(new Listener(undeclared.Listener.Port, undeclared.Listener.Protocol, HostPortInfo.DefaultBindAllHostIP, undeclared.Container.Name, undeclared.Listener.Evidence));
        }

        return listeners;
    }
}
