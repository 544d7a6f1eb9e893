namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// The failed checks of one evaluation, in check order. Mirrors pod-security-admission policy/checks.go
/// (AggregateCheckResult, ForbiddenDetail).
/// </summary>
internal sealed record PodSecurityResult(IReadOnlyList<FailedCheck> Violations)
{
    /// <summary>The result of an evaluation no check failed (shared: most pods pass most levels).</summary>
    public static PodSecurityResult Passed { get; } = new([]);

    public bool Allowed => Violations.Count == 0;

    /// <summary><c>reason (detail), reason (detail)</c>; a check without detail prints its reason alone.</summary>
    public string ForbiddenDetail() =>
        string.Join(", ", Violations.Select(v => v.Detail.Length == 0 ? v.Reason : $"{v.Reason} ({v.Detail})"));
}
