using Hostnet.Core.Ports;

namespace Hostnet.Core.Runs;

/// <summary>What <c>hostnet ports</c> answers (<see cref="HostPortQuery.Answer"/>).</summary>
/// <param name="Map">The host-port map, narrowed as asked; null when the request is refused.</param>
/// <param name="Free">With <c>--free</c>, the ports of the range free where the workloads could run.</param>
/// <param name="Notice">What was assumed and must be said first (no node anywhere: one empty worker node).</param>
/// <param name="Problem">Why the request is refused (a <c>--node</c> the cluster lacks), else null.</param>
public sealed record HostPortAnswer(PortMap? Map, FreePortQuery? Free, string? Notice, string? Problem);
