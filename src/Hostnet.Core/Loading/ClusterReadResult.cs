using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>What reading a snapshot gave: the cluster, or the errors that make it unusable, and what was read leniently.</summary>
/// <param name="Snapshot">The cluster; <see cref="ClusterSnapshot.Empty"/> when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Input that cannot be read as a snapshot (malformed JSON, not a List, duplicate names).</param>
/// <param name="Warnings">Input read with a documented fallback (a node without allocatable, a pod on an unknown node).</param>
public sealed record ClusterReadResult(
    ClusterSnapshot Snapshot,
    IReadOnlyList<InputProblem> Errors,
    IReadOnlyList<InputProblem> Warnings)
{
    public bool HasErrors => Errors.Count > 0;
}
