namespace Hostnet.Core.Audit;

/// <summary>How many pods of an owner the snapshot holds, by phase; <see cref="Total"/> counts every phase.</summary>
public sealed record PodCounts(int Total, int Running, int Pending, int Terminating)
{
    public static PodCounts Zero { get; } = new(0, 0, 0, 0);

    public override string ToString() =>
        $"{Running}/{Total} running" + (Pending > 0 ? $", {Pending} pending" : string.Empty) + (Terminating > 0 ? $", {Terminating} terminating" : string.Empty);
}
