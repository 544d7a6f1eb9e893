using Hostnet.Bench.Workload;

namespace Hostnet.Bench.P1;

/// <summary>Everything measured at one size: the generated set, the timing child, the peak children and the CLI run.</summary>
internal sealed record P1Outcome(P1Size Size, GeneratedSet Set, double GenerateMilliseconds, ChildFigures Figures, ChildFigures Peaks, EndToEnd? Cli);
