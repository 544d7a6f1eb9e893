namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>How an update of a workload ends.</summary>
public enum RolloutOutcome
{
    /// <summary>Every pod that should run the new template does, and no old pod is left.</summary>
    Completes,

    /// <summary>The controller waits for something that never happens (a pod that cannot be scheduled).</summary>
    Stuck,
}
