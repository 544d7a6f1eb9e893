using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// What the pods of one spec evidently listen on. The containers that run for the pod's lifetime (regular
/// containers and sidecars) hold their ports on the node at once. A port counts as declared when any of them
/// declares it with that protocol: that is what the scheduler's NodePorts filter sees
/// (pkg/scheduler/util/utils.go, GetHostPorts), and a probe on one container may well reach a port another serves.
/// Inference runs once per container; the analysis keeps one instance per workload and run.
/// </summary>
public sealed class PodListeners
{
    private readonly PodSpec _spec;
    private readonly (Container Container, IReadOnlyList<InferredListener> Listeners)[] _containers;
    private IReadOnlyList<UndeclaredListener>? _undeclared;

    public PodListeners(PodSpec spec)
    {
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        // PodSpec.LongRunningContainers is the containers list itself for most specs (no sidecars): no iterator chain.
        _containers = [.. spec.LongRunningContainers.Select(static c => (c, ListenerInference.Infer(c)))];
    }

    /// <summary>Every long-running container with each port it evidently listens on.</summary>
    public IEnumerable<(Container Container, InferredListener Listener)> All =>
        _containers.SelectMany(c => c.Listeners.Select(l => (c.Container, l)));

    /// <summary>
    /// The evident listeners no long-running container declares, one per port and protocol, attributed to the
    /// container with the strongest evidence (a flag over a probe over an image default; then container order).
    /// A listener whose protocol is only assumed (a flag or variable) is declared by the number with any protocol.
    /// </summary>
    public IReadOnlyList<UndeclaredListener> Undeclared => _undeclared ??= FindUndeclared();

    /// <summary>What one container of the spec evidently listens on.</summary>
    public IReadOnlyList<InferredListener> Of(Container container)
    {
        foreach (var (candidate, listeners) in _containers)
        {
            if (ReferenceEquals(candidate, container))
            {
                return listeners;
            }
        }

        return ListenerInference.Infer(container);
    }

    private UndeclaredListener[] FindUndeclared()
    {
        // Most pods evidently listen on nothing: no sets for them.
        if (_containers.All(c => c.Listeners.Count == 0))
        {
            return [];
        }

        // Plain loops over the long-running containers (_containers holds them in order): every host-network pod of a
        // review comes here, and most declare every port they listen on.
        var declared = new HashSet<(int Port, string Protocol)>();
        foreach (var (container, _) in _containers)
        {
            var ports = container.Ports;
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i].ContainerPortNumber > 0)
                {
                    declared.Add((ports[i].ContainerPortNumber, ports[i].EffectiveProtocol));
                }
            }
        }

        Dictionary<(int, string), (Container Container, InferredListener Listener)>? undeclared = null;
        foreach (var (container, listeners) in _containers)
        {
            for (var i = 0; i < listeners.Count; i++)
            {
                var listener = listeners[i];
                var key = (listener.Port, listener.Protocol);
                if (declared.Contains(key)
                    || (listener.ProtocolIsAssumed && declared.Any(d => d.Port == listener.Port))
                    || (undeclared is not null && undeclared.TryGetValue(key, out var found) && found.Listener.Source <= listener.Source))
                {
                    continue;
                }

                (undeclared ??= [])[key] = (container, listener);
            }
        }

        if (undeclared is null)
        {
            return [];
        }

        // The protocol is spelt out where the number alone would be ambiguous (53/UDP declared, 53/TCP not).
        var protocolsByPort = declared.Concat(All.Select(l => (l.Listener.Port, l.Listener.Protocol)))
            .ToLookup(p => p.Item1, p => p.Item2);
        return [.. undeclared.Values.Select(u => new UndeclaredListener(
            u.Container,
            u.Listener,
            protocolsByPort[u.Listener.Port].Distinct(StringComparer.Ordinal).Count() > 1))];
    }
}
