namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>hostNamespaces</c>: hostNetwork, hostPID and hostIPC must be unset or false. Mirrors
/// pod-security-admission policy/check_hostNamespaces.go (hostNamespaces_1_0): detail in the fixed order
/// <c>hostNetwork=true, hostPID=true, hostIPC=true</c>.
/// </summary>
internal sealed class HostNamespacesCheck : IPodSecurityCheck
{
    public string Id => "hostNamespaces";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var spec = pod.Spec;
        if (!spec.HostNetwork && !spec.HostPID && !spec.HostIPC)
        {
            return null;
        }

        var set = new List<string>(3);
        if (spec.HostNetwork)
        {
            set.Add("hostNetwork");
        }

        if (spec.HostPID)
        {
            set.Add("hostPID");
        }

        if (spec.HostIPC)
        {
            set.Add("hostIPC");
        }

        return new FailedCheck("host namespaces", string.Join(", ", set.Select(s => s + "=true")), spec.Path + "." + set[0]);
    }
}
