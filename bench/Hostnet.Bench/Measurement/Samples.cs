using System.Globalization;

namespace Hostnet.Bench.Measurement;

/// <summary>Repeated timings of one thing, in milliseconds; we report the median and the spread.</summary>
internal sealed record Samples(IReadOnlyList<double> Milliseconds)
{
    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();

    public int Count => Milliseconds.Count;

    public string Serialize() => string.Join(',', Milliseconds.Select(m => m.ToString("F3", CultureInfo.InvariantCulture)));

    public static Samples Parse(string text) =>
        new(text.Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray());
}
