using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>hostProbesAndHostLifecycle</c> (1.34): probes and lifecycle handlers must not set <c>httpGet.host</c>
/// or <c>tcpSocket.host</c>. Mirrors policy/check_hostProbesAndhostLifecycle.go (PR #125271): containers and hosts
/// are sets, so both are listed sorted, not in visit order.
/// </summary>
internal sealed class HostProbesAndHostLifecycleCheck : IPodSecurityCheck
{
    public string Id => "hostProbesAndHostLifecycle";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(34);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!SetsHost(pod.Spec))
        {
            return null;
        }

        var uses = pod.Spec.AllContainers
            .SelectMany(c => c.NetworkHandlers
                .Where(SetsHost)
                .Select(h => (Container: c.Name, Handler: h)))
            .ToList();
        var containers = SortedSet(uses.Select(u => u.Container));
        var hosts = SortedSet(uses.Select(u => u.Handler.Host!));
        var detail = string.Join(
            " ",
            Containers(containers),
            Pluralize("uses", "use", containers.Count),
            Pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.Count),
            JoinQuote(hosts));
        return new FailedCheck("probe or lifecycle host", detail, uses[0].Handler.Path + ".host");
    }

    private static bool SetsHost(Model.PodSpec spec)
    {
        // Most pods set no host: no iterators or lists for them.
        foreach (var containers in (ReadOnlySpan<IReadOnlyList<Model.Container>>)[spec.InitContainers, spec.Containers, spec.EphemeralContainers])
        {
            for (var i = 0; i < containers.Count; i++)
            {
                var handlers = containers[i].NetworkHandlers;
                for (var h = 0; h < handlers.Count; h++)
                {
                    if (SetsHost(handlers[h]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool SetsHost(Model.ProbeHandler handler) => handler.Action is "httpGet" or "tcpSocket" && !string.IsNullOrEmpty(handler.Host);
}
