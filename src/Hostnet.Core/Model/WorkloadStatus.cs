using System.Collections.Frozen;

namespace Hostnet.Core.Model;

/// <summary>The parts of a controller's <c>status</c> (and owner) that the audit compares with what runs.</summary>
/// <param name="Controller">The owner with <c>controller: true</c> (a ReplicaSet's Deployment, a Job's CronJob).</param>
/// <param name="Counts">The numeric fields by name: <c>replicas</c>, <c>updatedReplicas</c>, <c>desiredNumberScheduled</c>, ….</param>
/// <param name="Conditions"><c>status.conditions</c>, e.g. <c>Progressing False ProgressDeadlineExceeded</c>.</param>
public sealed record WorkloadStatus(OwnerReference? Controller, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<PodCondition> Conditions)
{
    public static WorkloadStatus None { get; } = new(null, FrozenDictionary<string, int>.Empty, []);

    /// <summary>A count, or null when the status does not record it.</summary>
    public int? Count(string field) => Counts.TryGetValue(field, out var value) ? value : null;

    public PodCondition? Condition(string type) => Conditions.FirstOrDefault(c => c.Type == type);
}
