namespace Hostnet.Core.Model;

/// <summary>A security context (container or pod level) with the fields Pod Security and host networking read.</summary>
public sealed record SecurityContext(
    bool? Privileged,
    long? RunAsUser,
    bool? RunAsNonRoot,
    IReadOnlyList<string> CapabilitiesAdd,
    IReadOnlyList<string> CapabilitiesDrop)
{
    public static SecurityContext Empty { get; } = new(null, null, null, [], []);

    /// <summary><c>allowPrivilegeEscalation</c> (container level only).</summary>
    public bool? AllowPrivilegeEscalation { get; init; }

    /// <summary><c>procMount</c> (container level only): <c>Default</c> or <c>Unmasked</c>.</summary>
    public string? ProcMount { get; init; }

    /// <summary><c>seccompProfile.type</c>; empty when <c>seccompProfile</c> is written without a type, null when absent.</summary>
    public string? SeccompProfileType { get; init; }

    /// <summary><c>appArmorProfile.type</c>; empty when <c>appArmorProfile</c> is written without a type, null when absent.</summary>
    public string? AppArmorProfileType { get; init; }

    /// <summary><c>seLinuxOptions</c> when written.</summary>
    public SeLinuxOptions? SeLinuxOptions { get; init; }

    /// <summary><c>windowsOptions.hostProcess</c>.</summary>
    public bool? WindowsHostProcess { get; init; }

    /// <summary>Whether <c>capabilities.add</c> names the capability (<c>NET_ADMIN</c>, <c>ALL</c>, …).</summary>
    public bool Adds(string capability) => Names(CapabilitiesAdd, capability);

    /// <summary>Whether <c>capabilities.drop</c> names the capability.</summary>
    public bool Drops(string capability) => Names(CapabilitiesDrop, capability);

    /// <summary>A plain loop: several rules ask for every container of every host-network pod, mostly of empty lists.</summary>
    private static bool Names(IReadOnlyList<string> capabilities, string capability)
    {
        for (var i = 0; i < capabilities.Count; i++)
        {
            if (Is(capabilities[i], capability))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Capability names are matched without case and with or without the CAP_ prefix, as runtimes accept them.</summary>
    private static bool Is(string written, string capability)
    {
        var name = written.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? written[4..] : written;
        return string.Equals(name, capability, StringComparison.OrdinalIgnoreCase);
    }
}
