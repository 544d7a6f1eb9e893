namespace Hostnet.NetBench.Results;

/// <summary>The median of repeated measurements and their range.</summary>
internal sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("a spread needs at least one value", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    /// <summary>Whether the two ranges overlap: then the medians' difference is within the run-to-run noise.</summary>
    public bool Overlaps(Spread other) => Min <= other.Max && other.Min <= Max;
}
