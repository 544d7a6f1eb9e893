namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// A Pod Security Standards level, ordered by strictness as <c>CompareLevels</c> orders them
/// (pod-security-admission api/constants.go, api/helpers.go).
/// </summary>
internal enum PodSecurityLevel
{
    Privileged,
    Baseline,
    Restricted,
}
