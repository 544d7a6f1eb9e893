namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>hostPorts</c>: every hostPort must be unset or 0. Mirrors pod-security-admission
/// policy/check_hostPorts.go (hostPorts_1_0) and helpers.go (joinQuote, pluralize): containers in visit order
/// (init, regular, ephemeral; policy/visitor.go), ports de-duplicated and sorted as strings.
/// </summary>
internal sealed class HostPortsCheck : IPodSecurityCheck
{
    public const string Reason = "hostPort";

    public string Id => "hostPorts";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => true;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!UsesHostPort(pod))
        {
            return null;
        }

        var badContainers = new List<string>();
        var ports = new SortedSet<string>(StringComparer.Ordinal);
        string? firstPath = null;
        foreach (var container in pod.Spec.AllContainers)
        {
            var valid = true;
            foreach (var port in container.Ports)
            {
                var hostPort = pod.HostPort(container, port);
                if (hostPort != 0)
                {
                    valid = false;
                    ports.Add(hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    firstPath ??= port.Path + ".hostPort";
                }
            }

            if (!valid)
            {
                badContainers.Add(container.Name);
            }
        }

        if (badContainers.Count == 0)
        {
            return null;
        }

        var detail = string.Join(
            " ",
            PodSecurityText.Containers(badContainers),
            PodSecurityText.Pluralize("uses", "use", badContainers.Count),
            PodSecurityText.Pluralize("hostPort", "hostPorts", ports.Count),
            string.Join(", ", ports));
        return new FailedCheck(Reason, detail, firstPath!);
    }

    /// <summary>Whether any container carries a host port: most pods do not, and need no lists or sets.</summary>
    private static bool UsesHostPort(EvaluatedPodSpec pod)
    {
        foreach (var containers in (ReadOnlySpan<IReadOnlyList<Model.Container>>)[pod.Spec.InitContainers, pod.Spec.Containers, pod.Spec.EphemeralContainers])
        {
            for (var i = 0; i < containers.Count; i++)
            {
                var ports = containers[i].Ports;
                for (var p = 0; p < ports.Count; p++)
                {
                    if (pod.HostPort(containers[i], ports[p]) != 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
