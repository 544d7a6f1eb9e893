namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// The scheduler as a rollout sees it: the cluster's nodes and every pod bound to them, the workload's own included.
/// </summary>
internal interface IRolloutScheduler
{
    /// <summary>
    /// Runs a scheduling cycle for a Pending pod; when a node fits, binds it there (sets <see cref="RolloutPod.Node"/>),
    /// otherwise records the FailedScheduling message (<see cref="RolloutPod.Message"/>). Returns whether it bound.
    /// </summary>
    bool TrySchedule(RolloutPod pod);

    /// <summary>Binds a pod that already runs on a node (from the snapshot).</summary>
    void Bind(RolloutPod pod, string node);

    /// <summary>Removes a pod once it is deleted: its ports and resources are free again.</summary>
    void Delete(RolloutPod pod);
}
