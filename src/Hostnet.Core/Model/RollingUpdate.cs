namespace Hostnet.Core.Model;

/// <summary>
/// A Deployment <c>strategy</c>, or a DaemonSet or StatefulSet <c>updateStrategy</c>, as written; absent values stay null
/// so rules can tell a default from a choice.
/// </summary>
/// <param name="Path">Field path of the strategy (<c>spec.strategy</c> or <c>spec.updateStrategy</c>).</param>
public sealed record RollingUpdate(string Path, string? Type, IntOrString? MaxSurge, IntOrString? MaxUnavailable)
{
    /// <summary>A StatefulSet's <c>rollingUpdate.partition</c> as written; null when absent (defaults to 0).</summary>
    public int? Partition { get; init; }
}
