using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Expansion;

/// <summary>A pod a workload's controller would create, with the workload it comes from.</summary>
internal sealed record ExpandedPod(PodInfo Pod, Workload Workload);
