namespace Hostnet.Bench.P1;

/// <summary>One P1 size: the fraction of the full workload and how many timed repetitions it gets.</summary>
internal sealed record P1Size(string Label, int Divisor, int Repetitions);
