namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// A kind of pod that a check lets through unexamined from some policy version on, the one shape the exemptions of
/// pod-security-admission share: the check's newer <c>VersionedCheck</c> returns <c>Allowed</c> for such a pod before
/// it looks at a field, and calls the older revision otherwise (policy/check_allowPrivilegeEscalation.go
/// <c>allowPrivilegeEscalation_1_25</c>, check_capabilities_restricted.go and check_seccompProfile_restricted.go for
/// Windows pods from 1.25; policy/helpers.go <c>relaxPolicyForUserNamespacePod</c>, called by check_procMount_baseline.go,
/// check_runAsNonRoot.go and check_runAsUser.go, for <c>hostUsers: false</c> from 1.35; Kubernetes 1.35).
/// </summary>
internal sealed class PodSecurityExemption
{
    private readonly int _fromMinor;
    private readonly Func<EvaluatedPodSpec, bool> _applies;

    private PodSecurityExemption(int fromMinor, Func<EvaluatedPodSpec, bool> applies)
    {
        _fromMinor = fromMinor;
        _applies = applies;
    }

    /// <summary>
    /// A pod with <c>spec.os.name: windows</c>, from policy 1.25: the API server's validation already rejects the Linux
    /// fields these checks ask for on a Windows pod, so the policy does not require them.
    /// </summary>
    public static PodSecurityExemption WindowsPod { get; } = new(25, pod => pod.IsWindows);

    /// <summary>
    /// A pod with <c>hostUsers: false</c>, from policy 1.35: its root and its /proc are the user namespace's, not the
    /// node's. Before 1.35 it hung on the alpha UserNamespacesPodSecurityStandards gate, off by default.
    /// </summary>
    public static PodSecurityExemption UserNamespacePod { get; } = new(35, pod => pod.InUserNamespace);

    /// <summary>Whether the policy version exempts the pod from the check.</summary>
    public bool Exempts(EvaluatedPodSpec pod, PodSecurityVersion version) => version.IsAtLeast(_fromMinor) && _applies(pod);
}
