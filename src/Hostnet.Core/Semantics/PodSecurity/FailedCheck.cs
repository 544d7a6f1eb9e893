namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>A failed check: its reason and detail as PSA prints them (policy/checks.go, CheckResult).</summary>
/// <param name="Reason">The forbidden reason, e.g. <c>host namespaces</c>.</param>
/// <param name="Detail">The forbidden detail, e.g. <c>hostNetwork=true</c>; may be empty.</param>
/// <param name="FieldPath">The first field at fault, for positioning a finding.</param>
internal sealed record FailedCheck(string Reason, string Detail, string FieldPath);
