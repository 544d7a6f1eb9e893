using System.Globalization;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// The API's host-port uniqueness check inside one pod (SEMANTICS.md §2.1 item 2). Mirrors
/// pkg/apis/core/validation/validation.go (AccumulateUniqueHostPorts, checkHostPortConflicts, validateContainers,
/// validateInitContainers): regular containers are checked together; each init container only against itself, on a
/// one-element slice, so its path index is always 0. Ephemeral containers are not checked.
/// </summary>
internal static class HostPortUniqueness
{
    /// <param name="spec">The pod spec.</param>
    /// <param name="hostPortOf">The host port each port has when validated (see <c>HostPorts.Stored</c>).</param>
    public static IReadOnlyList<HostPortDuplicate> Duplicates(PodSpec spec, Func<ContainerPort, int> hostPortOf)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(hostPortOf);
        var duplicates = new List<HostPortDuplicate>();
        var regular = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Containers.Count; i++)
        {
            Accumulate(spec.Containers[i], Index("containers", i), regular, hostPortOf, duplicates);
        }

        foreach (var init in spec.InitContainers)
        {
            Accumulate(init, Index("initContainers", 0), new HashSet<string>(StringComparer.Ordinal), hostPortOf, duplicates);
        }

        return duplicates;
    }

    /// <summary>The key the API compares: protocol (defaulted), hostIP as written, host port.</summary>
    public static string Key(ContainerPort port, int hostPort)
    {
        ArgumentNullException.ThrowIfNull(port);
        return string.Create(CultureInfo.InvariantCulture, $"{port.EffectiveProtocol}/{port.HostIP}/{hostPort}");
    }

    private static void Accumulate(Container container, string containerField, HashSet<string> seen, Func<ContainerPort, int> hostPortOf, List<HostPortDuplicate> duplicates)
    {
        for (var j = 0; j < container.Ports.Count; j++)
        {
            var port = container.Ports[j];
            var hostPort = hostPortOf(port);
            if (hostPort == 0)
            {
                continue;
            }

            var key = Key(port, hostPort);
            if (!seen.Add(key))
            {
                duplicates.Add(new HostPortDuplicate(Index(containerField + ".ports", j) + ".hostPort", key, port));
            }
        }
    }

    private static string Index(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
