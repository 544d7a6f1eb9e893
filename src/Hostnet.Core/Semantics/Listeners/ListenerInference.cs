using System.Net;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// Which ports a container evidently listens on, and why: listen flags in command/args, listen settings in env,
/// probes and lifecycle hooks, and (weakest) the default of a well-known image. One listener per port and protocol,
/// from the strongest evidence. Pure: it reads the container only.
/// </summary>
internal static class ListenerInference
{
    public static IReadOnlyList<InferredListener> Infer(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var environment = LiteralEnvironment(container);
        var tokens = ListenFlags.Tokens(container);
        var listeners = new List<InferredListener>();
        ListenFlags.Find(tokens, environment, listeners);
        ListenEnvironment.Find(container, environment, listeners);
        AddHandlers(container, listeners);

        // The image default is the weakest evidence: declared ports, or any listen flag or variable (even one whose
        // value hostnet cannot read), say the process was configured, so the default no longer tells where it listens.
        if (!DeclaresAnyPort(container) && !ListenFlags.Mentioned(tokens) && !SetsListenVariable(container))
        {
            listeners.AddRange(WellKnownImages.Defaults(container, tokens));
        }

        // One listener per port and protocol, the first (strongest) one; most containers have one listener or none.
        return listeners.Count switch
        {
            0 => [],
            1 => [listeners[0]],
            _ => listeners.DistinctBy(l => (l.Port, l.Protocol)).ToArray(),
        };
    }

    private static bool DeclaresAnyPort(Container container)
    {
        for (var i = 0; i < container.Ports.Count; i++)
        {
            if (container.Ports[i].ContainerPortNumber > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SetsListenVariable(Container container)
    {
        for (var i = 0; i < container.Env.Count; i++)
        {
            if (ListenEnvironment.IsListenSetting(container.Env[i].Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Probes and lifecycle hooks reach the container at the pod's address (the node's, on the host network) or at
    /// a loopback <c>host</c>, which on the host network is the node's loopback: both mean the pod holds the port.
    /// A hook or probe aimed at another host says nothing about this container. A lifecycle <c>tcpSocket</c> is
    /// never run by the kubelet (core/v1 LifecycleHandler: "kept for backward compatibility"). A port stronger
    /// evidence already gave is skipped before its evidence is worded: probes mostly check the port a flag sets.
    /// </summary>
    private static void AddHandlers(Container container, List<InferredListener> listeners)
    {
        var handlers = container.NetworkHandlers;
        for (var i = 0; i < handlers.Count; i++)
        {
            var handler = handlers[i];
            if ((handler.Source.StartsWith("lifecycle.", StringComparison.Ordinal) && handler.Action == "tcpSocket")
                || (handler.Host is { Length: > 0 } host && !IsLoopback(host)))
            {
                continue;
            }

            var port = handler.Port.IntValue
                ?? container.Ports.FirstOrDefault(p => p.Name is not null && p.Name == handler.Port.StringValue)?.ContainerPortNumber;
            if (port is >= 1 and <= 65535 && !Holds(listeners, port.Value, "TCP"))
            {
                listeners.Add(new InferredListener(port.Value, "TCP", ListenerSource.Handler, $"{handler.Source} {handler.Action}", handler.Path + ".port", null));
            }
        }
    }

    private static bool Holds(List<InferredListener> listeners, int port, string protocol)
    {
        foreach (var listener in listeners)
        {
            if (listener.Port == port && listener.Protocol == protocol)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>The table of a container with no text to expand: shared, and never written.</summary>
    private static readonly Dictionary<string, string> NoVariables = [];

    /// <summary>
    /// Environment variables with literal values; a later entry of the same name wins, as in the container. Only a
    /// text with a <c>$</c> is expanded (<see cref="VariableExpansion.Expand"/>): without one in the arguments and
    /// variables, no table is made.
    /// </summary>
    private static Dictionary<string, string> LiteralEnvironment(Container container)
    {
        if (!AnyDollar(container.Command) && !AnyDollar(container.Args) && !AnyDollar(container.Env))
        {
            return NoVariables;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env)
        {
            if (variable.Value is { } value)
            {
                environment[variable.Name] = value;
            }
        }

        return environment;
    }

    private static bool AnyDollar(IReadOnlyList<EnvVar> variables)
    {
        for (var i = 0; i < variables.Count; i++)
        {
            if (variables[i].Value?.Contains('$', StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyDollar(IReadOnlyList<string> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Contains('$', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
