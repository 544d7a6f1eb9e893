using System.Collections.Frozen;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// A pod spec as Pod Security admission sees it: a Pod after API defaulting (host ports defaulted from containerPort
/// on host network), or a workload's template as the API stores it (since 1.28 not defaulted).
/// </summary>
/// <param name="Spec">The spec as written.</param>
/// <param name="IsPod">Whether it is a Pod's own spec (defaulted) rather than a template.</param>
/// <param name="Version">The cluster version: it decides template defaulting and which checks its admission has.</param>
internal sealed record EvaluatedPodSpec(PodSpec Spec, bool IsPod, KubeVersion Version)
{
    private static readonly FrozenDictionary<string, string> NoAnnotations = FrozenDictionary<string, string>.Empty;

    /// <summary>The pod's (or template's) <c>metadata.annotations</c>: AppArmor and seccomp annotations are checked.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = NoAnnotations;

    /// <summary>A Pod, as admitted after defaulting by a cluster of the given version.</summary>
    public static EvaluatedPodSpec Pod(PodSpec spec, KubeVersion version) => new(spec, IsPod: true, version);

    /// <summary>A Pod as the newest release admits it.</summary>
    public static EvaluatedPodSpec Pod(PodSpec spec) => Pod(spec, KubeVersion.Latest);

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

    /// <summary>Whether the pod runs in its own user namespace (<c>hostUsers: false</c>): see <see cref="PodSecurityExemption.UserNamespacePod"/>.</summary>
    public bool InUserNamespace => Spec.HostUsers == false;

    /// <summary>Whether <c>spec.os.name</c> is <c>windows</c>: see <see cref="PodSecurityExemption.WindowsPod"/>.</summary>
    public bool IsWindows => Spec.OsName == "windows";
}
