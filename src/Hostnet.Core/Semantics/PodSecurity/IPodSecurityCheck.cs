namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>One Pod Security Standards check (pod-security-admission policy/checks.go, Check).</summary>
internal interface IPodSecurityCheck
{
    /// <summary>The check ID; checks of a level run in ID order.</summary>
    string Id { get; }

    /// <summary>The level the check belongs to; baseline checks also run for restricted.</summary>
    PodSecurityLevel Level { get; }

    /// <summary>The first policy version the check is part of.</summary>
    PodSecurityVersion MinimumVersion { get; }

    /// <summary>The violation, or null when the pod passes.</summary>
    FailedCheck? Check(EvaluatedPodSpec pod);
}
