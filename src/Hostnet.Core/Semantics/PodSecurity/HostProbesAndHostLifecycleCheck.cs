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
        var uses = pod.Spec.AllContainers
            .SelectMany(c => c.NetworkHandlers
                .Where(h => h.Action is "httpGet" or "tcpSocket" && !string.IsNullOrEmpty(h.Host))
                .Select(h => (Container: c.Name, Handler: h)))
            .ToList();
        if (uses.Count == 0)
        {
            return null;
        }

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
}
