namespace Hostnet.Core.Model;

/// <summary>The security settings that matter for host networking (container or pod level).</summary>
public sealed record SecurityContext(
    bool? Privileged,
    long? RunAsUser,
    bool? RunAsNonRoot,
    IReadOnlyList<string> CapabilitiesAdd,
    IReadOnlyList<string> CapabilitiesDrop)
{
    public static SecurityContext Empty { get; } = new(null, null, null, [], []);

    /// <summary>Whether <c>capabilities.add</c> names the capability (<c>NET_ADMIN</c>, <c>ALL</c>, …).</summary>
    public bool Adds(string capability) => CapabilitiesAdd.Any(c => Is(c, capability));

    /// <summary>Whether <c>capabilities.drop</c> names the capability.</summary>
    public bool Drops(string capability) => CapabilitiesDrop.Any(c => Is(c, capability));

    /// <summary>Capability names are matched without case and with or without the CAP_ prefix, as runtimes accept them.</summary>
    private static bool Is(string written, string capability)
    {
        var name = written.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? written[4..] : written;
        return string.Equals(name, capability, StringComparison.OrdinalIgnoreCase);
    }
}
