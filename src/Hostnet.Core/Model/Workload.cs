using Hostnet.Core.Documents;


namespace Hostnet.Core.Model;

/// <summary>Anything that carries a pod: Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController.</summary>
/// <param name="Replicas">Replicas as written (Deployment, ReplicaSet, StatefulSet, ReplicationController); null when absent.</param>
/// <param name="Selector">The workload's pod selector, when it has one.</param>
/// <param name="Strategy">The Deployment, DaemonSet or StatefulSet rolling-update settings, when written.</param>
public sealed record Workload(
    ManifestDocument Source,
    ObjectMeta Metadata,
    PodTemplate Template,
    int? Replicas,
    LabelSelector? Selector,
    RollingUpdate? Strategy) : KubeObject(Source, Metadata)
{
    public bool IsPod => Kind == "Pod";

    /// <summary>A Job's (or a CronJob's job template's) <c>parallelism</c> as written; null when absent (defaults to 1).</summary>
    public int? Parallelism { get; init; }

    /// <summary>A Job's (or a CronJob's job template's) <c>completions</c> as written; null when absent.</summary>
    public int? Completions { get; init; }

    /// <summary>A Deployment's <c>progressDeadlineSeconds</c> as written; null when absent (defaults to 600).</summary>
    public int? ProgressDeadlineSeconds { get; init; }

    /// <summary>A StatefulSet's <c>podManagementPolicy</c> as written; null when absent (defaults to OrderedReady).</summary>
    public string? PodManagementPolicy { get; init; }

    /// <summary>
    /// Whether the controller creates each pod only once the one before is Running and Ready: a StatefulSet with
    /// OrderedReady pod management (pkg/controller/statefulset/stateful_set_control.go, <c>monotonic</c>).
    /// </summary>
    public bool CreatesInOrder => Kind == "StatefulSet" && PodManagementPolicy != "Parallel";

    public PodSpec Spec => Template.Spec;

    /// <summary>Replicas after API defaulting (1 for replicated kinds; a Pod, Job or CronJob run is one pod here).</summary>
    public int EffectiveReplicas => Replicas ?? 1;

    /// <summary>Whether the controller keeps several pods of this template alive at once.</summary>
    public bool IsReplicated => Kind is "Deployment" or "ReplicaSet" or "StatefulSet" or "ReplicationController";
}
