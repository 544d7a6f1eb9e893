using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// A pod spec as Pod Security admission sees it: a Pod after API defaulting (host ports defaulted from containerPort
/// on host network), or a workload's template as the API stores it (since 1.28 not defaulted).
/// </summary>
/// <param name="Spec">The spec as written.</param>
/// <param name="IsPod">Whether it is a Pod's own spec (defaulted) rather than a template.</param>
/// <param name="Version">The cluster version, which decides template defaulting.</param>
public sealed record EvaluatedPodSpec(PodSpec Spec, bool IsPod, KubeVersion Version)
{
    /// <summary>A Pod, as admitted after defaulting.</summary>
    public static EvaluatedPodSpec Pod(PodSpec spec) => new(spec, IsPod: true, KubeVersion.Latest);

    /// <summary>A workload's pod template as stored by the given version.</summary>
    public static EvaluatedPodSpec Template(PodSpec spec, KubeVersion version) => new(spec, IsPod: false, version);

    /// <summary>The host port the admitted object carries; ephemeral containers are never defaulted.</summary>
    public int HostPort(Container container, ContainerPort port)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(port);
        if (container.Kind == ContainerKind.Ephemeral)
        {
            return port.HostPort;
        }

        return IsPod ? HostPorts.InPod(port, Spec) : HostPorts.Stored(port, Spec, isPod: false, Version);
    }
}
