using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Expansion;

/// <summary>A pod a workload's controller would create, with the workload it comes from.</summary>
internal sealed record ExpandedPod(PodInfo Pod, Workload Workload);
