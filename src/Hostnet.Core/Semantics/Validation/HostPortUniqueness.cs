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
        // Asked of every workload, and most have no duplicate: sets, lists and paths are made only when needed.
        List<HostPortDuplicate>? duplicates = null;
        HashSet<string>? regular = null;
        for (var i = 0; i < spec.Containers.Count; i++)
        {
            Accumulate(spec.Containers[i], "containers", i, ref regular, hostPortOf, ref duplicates);
        }

        foreach (var init in spec.InitContainers)
        {
            HashSet<string>? own = null;
            Accumulate(init, "initContainers", 0, ref own, hostPortOf, ref duplicates);
        }

        return duplicates ?? (IReadOnlyList<HostPortDuplicate>)[];
    }

    public static string Key(ContainerPort port, int hostPort)
    {
        ArgumentNullException.ThrowIfNull(port);
        return string.Create(CultureInfo.InvariantCulture, $"{port.EffectiveProtocol}/{port.HostIP}/{hostPort}");
    }

    private static void Accumulate(
        Container container,
        string list,
        int index,
        ref HashSet<string>? seen,
        Func<ContainerPort, int> hostPortOf,
        ref List<HostPortDuplicate>? duplicates)
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
            if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(key))
            {
                (duplicates ??= []).Add(new HostPortDuplicate(Index(Index(list, index) + ".ports", j) + ".hostPort", key, port));
            }
        }
    }

    private static string Index(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
