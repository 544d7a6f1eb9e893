using System.Globalization;

namespace Hostnet.NetBench.Datapath;

/// <summary>
/// Names of everything the bench creates. Namespaces and cgroups are <c>hostnet-bench-&lt;pid&gt;-…</c>, the pid being
/// the run that owns them, so that a later run can tell a killed run's leftovers (pid gone) from a live run's. Links
/// live inside those namespaces and are named <c>hostnet-bench-&lt;role&gt;</c> (15 characters at most, the kernel's
/// IFNAMSIZ); nothing is created in the machine's own network namespace.
/// </summary>
internal sealed record BenchNames(int OwnerPid)
{
    public const string Prefix = "hostnet-bench";

    /// <summary>The node's uplink: one end of the veth pair joining the two nodes.</summary>
    public const string Uplink = "hostnet-bench-u";

    /// <summary>The node side of a pod's veth pair.</summary>
    public const string PodVethHostSide = "hostnet-bench-p";

    /// <summary>The pod side of a pod's veth pair (a pod's <c>eth0</c>).</summary>
    public const string PodInterface = "hostnet-bench-e";

    /// <summary>The node's pod bridge (the <c>cni0</c> of the bridge plugin).</summary>
    public const string Bridge = "hostnet-bench-r";

    /// <summary>The node's VXLAN device (flannel's <c>flannel.1</c>).</summary>
    public const string Vxlan = "hostnet-bench-x";

    /// <summary>The Kubernetes namespace of the benchmark Service, so kube-proxy-style rule comments carry the prefix.</summary>
    public const string ServiceNamespace = Prefix;

    private string RunPrefix => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{OwnerPid}");

    public string Namespace(BenchMode mode, string role) => $"{RunPrefix}-{mode.Name()}-{role}";

    /// <summary>The top cgroup of this run, under each hierarchy (kubelet's <c>kubepods</c> in miniature).</summary>
    public string CgroupRoot => $"{RunPrefix}-kubepods";

    /// <summary>The owner pid written in a name the bench made, or null when the name is not the bench's.</summary>
    public static int? OwnerOf(string name)
    {
        if (!name.StartsWith(Prefix + "-", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name.AsSpan(Prefix.Length + 1);
        var end = rest.IndexOf('-');
        var digits = end < 0 ? rest : rest[..end];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }
}
