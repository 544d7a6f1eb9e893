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
}
