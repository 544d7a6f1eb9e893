namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>What Pod Security admission answers for one create request.</summary>
/// <param name="Denial">The error when enforce rejects it (Pods only).</param>
/// <param name="Warning">The response warning (kubectl prints <c>Warning: …</c>); only when admitted.</param>
/// <param name="AuditViolation">The <c>pod-security.kubernetes.io/audit-violations</c> audit annotation.</param>
internal sealed record PodSecurityResponse(AdmissionMessage? Denial, AdmissionMessage? Warning, AdmissionMessage? AuditViolation)
{
    public static PodSecurityResponse Allowed { get; } = new(null, null, null);
}
