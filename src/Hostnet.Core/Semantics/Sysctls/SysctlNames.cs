namespace Hostnet.Core.Semantics.Sysctls;

/// <summary>
/// Which kernel namespace a sysctl name belongs to. Mirrors staging/src/k8s.io/component-helpers/node/util/sysctl
/// (namespace.go: GetNamespace, namespaceOf; sysctl.go: NormalizeName), which the API uses in ValidateHostSysctl.
/// </summary>
internal static class SysctlNames
{
    private static readonly Dictionary<string, SysctlNamespace> ByName = new(StringComparer.Ordinal)
    {
        ["kernel.sem"] = SysctlNamespace.Ipc,
        ["kernel.shmall"] = SysctlNamespace.Ipc,
        ["kernel.shmmax"] = SysctlNamespace.Ipc,
        ["kernel.shmmni"] = SysctlNamespace.Ipc,
        ["kernel.shm_rmid_forced"] = SysctlNamespace.Ipc,
        ["kernel.shm"] = SysctlNamespace.Ipc,
        ["kernel.msgmax"] = SysctlNamespace.Ipc,
        ["kernel.msgmnb"] = SysctlNamespace.Ipc,
        ["kernel.msgmni"] = SysctlNamespace.Ipc,
        ["kernel.msg"] = SysctlNamespace.Ipc,
    };

    private static readonly (string Prefix, SysctlNamespace Namespace)[] ByPrefix =
    [
        ("net.", SysctlNamespace.Net),
        ("fs.mqueue.", SysctlNamespace.Ipc),
    ];

    /// <summary>The namespace of a sysctl written with dots or slashes, up to a first '*' (a pattern).</summary>
    public static SysctlNamespace NamespaceOf(string name)
    {
        var normalized = Normalize(name);
        var star = normalized.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            normalized = normalized[..star];
        }

        if (ByName.TryGetValue(normalized, out var known))
        {
            return known;
        }

        foreach (var (prefix, ns) in ByPrefix)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                return ns;
            }
        }

        return SysctlNamespace.Unknown;
    }

    /// <summary>
    /// The dotted form: a name whose first separator is '/' (<c>net/ipv4/conf/eno2.100/rp_filter</c>) has its '.' and
    /// '/' swapped (<c>net.ipv4.conf.eno2/100.rp_filter</c>).
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var first = name.AsSpan().IndexOfAny('.', '/');
        if (first < 0 || name[first] == '.')
        {
            return name;
        }

        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '.' => '/',
                    '/' => '.',
                    var c => c,
                };
            }
        });
    }
}
