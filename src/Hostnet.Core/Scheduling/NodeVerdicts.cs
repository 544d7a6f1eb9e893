using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling;

/// <summary>The node-only filters' verdicts for one spec: by node index, and the indexes of the nodes that pass, in order.</summary>
internal sealed record NodeVerdicts(FilterStatus[] Verdicts, int[] Passing);
