using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Ports;

/// <summary>
/// Host ports as Kubernetes sees them (SEMANTICS.md §1, §3.1).
/// Mirrors pkg/apis/core/v1/defaults.go (defaultHostNetworkPorts) and pkg/scheduler/util/utils.go (GetHostPorts).
/// </summary>
internal static class HostPorts
{
    /// <summary>The release that stopped defaulting host ports in pod templates (only Pods are defaulted since).</summary>
    public static KubeVersion TemplateDefaultingRemoved { get; } = new(1, 28);

    /// <summary>
    /// The host port a declared port has in the object as the API stores it: on host network a zero hostPort takes
    /// the containerPort — for Pods always, for templates only before 1.28.
    /// </summary>
    public static int Stored(ContainerPort port, PodSpec spec, bool isPod, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(spec);
        return port.HostPort == 0 && spec.HostNetwork && (isPod || version < TemplateDefaultingRemoved)
            ? port.ContainerPortNumber
            : port.HostPort;
    }

    /// <summary>The host port in every Pod created from this spec: Pods are always defaulted.</summary>
    public static int InPod(ContainerPort port, PodSpec spec) =>
        Stored(port, spec, isPod: true, KubeVersion.Latest);

    /// <summary>
    /// The host ports the scheduler's NodePorts filter sees for pods of this spec: regular containers and restartable
    /// init containers (sidecars), after Pod defaulting; ports whose host port stays 0 are ignored. The one definition
    /// (pkg/scheduler/util/utils.go GetHostPorts: sidecars first, then containers, in order, duplicates kept; host IP
    /// and protocol as HostPortInfo sanitises them). Callers read it once per object where they keep it: per run and
    /// workload (AnalysisContext.HostPortsOf), per shared container list (SharedPodParts), per template
    /// (SchedulingSpec.Ports), per pod of a node (NodePods.HostPortsOf).
    /// </summary>
    public static IReadOnlyList<HostPortBinding> Wanted(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // Asked of every workload by several rules, and most want none: the list is made on the first binding, and the
        // long-running containers (sidecars, then regular ones) are walked without a LINQ iterator.
        List<HostPortBinding>? bindings = null;
        foreach (var container in spec.InitContainers)
        {
            if (container.IsSidecar)
            {
                AddWanted(ref bindings, container, spec);
            }
        }

        foreach (var container in spec.Containers)
        {
            AddWanted(ref bindings, container, spec);
        }

        // Shared by every rule and every node a DaemonSet's pods are placed on: read-only, even to a cast.
        return bindings is null ? [] : bindings.AsReadOnly();
    }

    private static void AddWanted(ref List<HostPortBinding>? bindings, Container container, PodSpec spec)
    {
        foreach (var port in container.Ports)
        {
            var hostPort = InPod(port, spec);
            if (hostPort > 0)
            {
                var (ip, protocol) = HostPortInfo.Sanitize(port.HostIP, port.EffectiveProtocol);
                (bindings ??= []).Add(new HostPortBinding(protocol, ip, hostPort, container, port));
            }
        }
    }
}
