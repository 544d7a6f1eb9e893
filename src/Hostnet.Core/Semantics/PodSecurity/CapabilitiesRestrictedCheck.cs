using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Restricted <c>capabilities_restricted</c> (1.22; from 1.25 Windows pods are exempt): every container drops
/// <c>ALL</c> and adds nothing but <c>NET_BIND_SERVICE</c>. Overrides capabilities_baseline. Mirrors
/// policy/check_capabilities_restricted.go.
/// </summary>
internal sealed class CapabilitiesRestrictedCheck : IPodSecurityCheck
{
    public string Id => "capabilities_restricted";

    public PodSecurityLevel Level => PodSecurityLevel.Restricted;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(22);

    public bool ReadsHostPorts => false;

    public IReadOnlyList<string> Overrides => [CapabilitiesBaselineCheck.CheckId];

    public PodSecurityExemption? Exemption => PodSecurityExemption.WindowsPod;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var missingDropAll = Failing(pod, s => !Contains(s.CapabilitiesDrop, "ALL"));
        var adding = Failing(pod, s => s.CapabilitiesAdd.Any(c => c != "NET_BIND_SERVICE"));
        if (missingDropAll.Count == 0 && adding.Count == 0)
        {
            return null;
        }

        var details = new List<string>(2);
        if (missingDropAll.Count > 0)
        {
            details.Add($"{Containers(Names(missingDropAll))} must set securityContext.capabilities.drop=[\"ALL\"]");
        }

        if (adding.Count > 0)
        {
            var forbidden = SortedSet(adding.SelectMany(c => c.SecurityContext.CapabilitiesAdd).Where(c => c != "NET_BIND_SERVICE"));
            details.Add($"{Containers(Names(adding))} must not include {JoinQuote(forbidden)} in securityContext.capabilities.add");
        }

        return details.Count == 0
            ? null
            : new FailedCheck(
                "unrestricted capabilities",
                string.Join("; ", details),
                missingDropAll.Count > 0 ? Field(missingDropAll[0], "capabilities.drop") : Field(adding[0], "capabilities.add"));
    }
}
