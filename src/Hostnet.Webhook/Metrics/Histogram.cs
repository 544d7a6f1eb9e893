namespace Hostnet.Webhook.Metrics;

/// <summary>A Prometheus histogram of seconds with fixed buckets; thread-safe.</summary>
internal sealed class Histogram
{
    /// <summary>From a quarter millisecond (the P3 target's scale) to the API server's 10 s webhook limit.</summary>
    public static IReadOnlyList<double> Buckets { get; } = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _counts = new long[Buckets.Count + 1];
    private readonly Lock _sumLock = new();
    private double _sum;

    public void Observe(double seconds)
    {
        var bucket = 0;
        while (bucket < Buckets.Count && seconds > Buckets[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _counts[bucket]);
        lock (_sumLock)
        {
            _sum += seconds;
        }
    }

    /// <summary>Cumulative counts per bucket (the last one is +Inf), and the sum.</summary>
    public (long[] Cumulative, double Sum) Snapshot()
    {
        var cumulative = new long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Volatile.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        lock (_sumLock)
        {
            return (cumulative, _sum);
        }
    }
}
