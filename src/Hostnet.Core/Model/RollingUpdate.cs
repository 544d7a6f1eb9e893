namespace Hostnet.Core.Model;

/// <summary>
/// A Deployment <c>strategy</c> or DaemonSet <c>updateStrategy</c> as written; absent values stay null so rules can tell
/// a default from a choice.
/// </summary>
/// <param name="Path">Field path of the strategy (<c>spec.strategy</c> or <c>spec.updateStrategy</c>).</param>
public sealed record RollingUpdate(string Path, string? Type, IntOrString? MaxSurge, IntOrString? MaxUnavailable);
