namespace Hostnet.NetBench.Results;

/// <summary>Percentiles by the nearest-rank method (the smallest value with at least p % of the values at or below it).</summary>
internal static class Percentile
{
    public static double Of(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("a percentile needs at least one value", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
