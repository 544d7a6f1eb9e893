namespace Hostnet.Bench.Workload;

/// <summary>A container port of a generated app; <see cref="WriteHostPort"/> writes <c>hostPort</c> explicitly.</summary>
internal sealed record PortPlan(string Name, int Number, string Protocol, bool WriteHostPort);
