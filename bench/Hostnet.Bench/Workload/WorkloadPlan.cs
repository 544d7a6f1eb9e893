namespace Hostnet.Bench.Workload;

/// <summary>The P1 workload's shape: how many resources in how many files, and the seed that makes it repeatable.</summary>
internal sealed record WorkloadPlan(int Resources, int Files, int Seed)
{
    public const int DefaultSeed = 20_250_916;

    public static WorkloadPlan Full { get; } = new(50_000, 10_000, DefaultSeed);

    /// <summary>The same mix at 1/<paramref name="divisor"/> of the size (namespaces and port pools shrink with it).</summary>
    public WorkloadPlan Scaled(int divisor) => this with { Resources = Resources / divisor, Files = Files / divisor };
}
