using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// The port warnings of pkg/api/pod/warnings.go (warningsForPodSpecAndMeta, Kubernetes 1.28+): every container
/// (init, regular, ephemeral; pkg/api/pod VisitContainersWithPath) and port in order, on the object as the API
/// stores it (protocol defaulted to TCP; host ports defaulted on host network for Pods, and for templates before
/// 1.28). A port is compared with the earlier ports of the same <c>containerPort/protocol</c>: equal hostIP and
/// hostPort is a duplicate, a hostPort of 0 on either side an overlap, equal host ports where one hostIP is empty
/// are dangerously ambiguous.
/// </summary>
internal static class PortWarnings
{
    /// <summary>The release whose API returns these warnings.</summary>
    public static KubeVersion Since { get; } = new(1, 28);

    public static IReadOnlyList<PortWarning> Of(PodSpec spec, bool isPod, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // Asked of every workload, and most have no port or no warning: nothing is allocated for them.
        List<PortWarning>? warnings = null;
        if (version < Since)
        {
            return [];
        }

        Dictionary<(int, string), List<(ContainerPort Port, int HostPort)>>? earlier = null;
        foreach (var containers in (ReadOnlySpan<IReadOnlyList<Container>>)[spec.InitContainers, spec.Containers, spec.EphemeralContainers])
        {
            for (var c = 0; c < containers.Count; c++)
            {
                var ports = containers[c].Ports;
                for (var p = 0; p < ports.Count; p++)
                {
                    var port = ports[p];
                    var hostPort = HostPorts.Stored(port, spec, isPod, version);
                    var protocol = port.EffectiveProtocol;
                    if (port.HostIP.Length > 0 && hostPort == 0)
                    {
                        (warnings ??= []).Add(new PortWarning(port.Path, $"{port.Path}: hostIP set without hostPort: {{Name:{port.Name} HostPort:0 ContainerPort:{port.ContainerPortNumber} Protocol:{protocol} HostIP:{port.HostIP}}}", null));
                    }

                    var key = (port.ContainerPortNumber, protocol);
                    earlier ??= [];
                    if (!earlier.TryGetValue(key, out var others))
                    {
                        earlier[key] = others = [];
                    }

                    foreach (var (other, otherHostPort) in others)
                    {
                        if (Compare(port, hostPort, other, otherHostPort) is { } kind)
                        {
                            (warnings ??= []).Add(new PortWarning(port.Path, $"{port.Path}: {kind} port definition with {other.Path}", other.Path));
                        }
                    }

                    others.Add((port, hostPort));
                }
            }
        }

        return warnings ?? (IReadOnlyList<PortWarning>)[];
    }

    private static string? Compare(ContainerPort port, int hostPort, ContainerPort other, int otherHostPort)
    {
        if (port.HostIP == other.HostIP && hostPort == otherHostPort)
        {
            return "duplicate";
        }

        if (hostPort == 0 || otherHostPort == 0)
        {
            return "overlapping";
        }

        return hostPort == otherHostPort && (port.HostIP.Length == 0) != (other.HostIP.Length == 0) ? "dangerously ambiguous" : null;
    }
}
