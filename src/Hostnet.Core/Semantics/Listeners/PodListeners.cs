using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// Listeners of a whole pod: the containers that run for its lifetime (regular containers and sidecars) hold their
/// ports on the node at once. A port counts as declared when any of them declares it with that protocol: that is
/// what the scheduler's NodePorts filter sees (pkg/scheduler/util/utils.go, GetHostPorts), and a probe on one
/// container may well reach a port another container serves.
/// </summary>
public static class PodListeners
{
    /// <summary>Every long-running container with each port it evidently listens on.</summary>
    public static IEnumerable<(Container Container, InferredListener Listener)> All(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.LongRunningContainers.SelectMany(c => ListenerInference.Infer(c).Select(l => (c, l)));
    }

    /// <summary>
    /// The evident listeners no long-running container declares, one per port and protocol, attributed to the
    /// container with the strongest evidence (a flag over a probe over an image default; then container order).
    /// A listener whose protocol is only assumed (a flag or variable) is declared by the number with any protocol.
    /// </summary>
    public static IReadOnlyList<UndeclaredListener> Undeclared(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var declared = spec.LongRunningContainers
            .SelectMany(c => c.Ports)
            .Where(p => p.ContainerPortNumber > 0)
            .Select(p => (Port: p.ContainerPortNumber, Protocol: p.EffectiveProtocol))
            .ToHashSet();
        var listeners = All(spec).ToArray();
        var undeclared = new Dictionary<(int, string), (Container Container, InferredListener Listener)>();
        foreach (var (container, listener) in listeners)
        {
            var key = (listener.Port, listener.Protocol);
            if (declared.Contains(key)
                || (listener.ProtocolIsAssumed && declared.Any(d => d.Port == listener.Port))
                || (undeclared.TryGetValue(key, out var found) && found.Listener.Source <= listener.Source))
            {
                continue;
            }

            undeclared[key] = (container, listener);
        }

        // The protocol is spelt out where the number alone would be ambiguous (53/UDP declared, 53/TCP not).
        var protocolsByPort = declared.Concat(listeners.Select(l => (l.Listener.Port, l.Listener.Protocol)))
            .ToLookup(p => p.Item1, p => p.Item2);
        return [.. undeclared.Values.Select(u => new UndeclaredListener(
            u.Container,
            u.Listener,
            protocolsByPort[u.Listener.Port].Distinct(StringComparer.Ordinal).Count() > 1))];
    }
}
