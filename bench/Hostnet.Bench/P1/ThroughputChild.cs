using System.Diagnostics;
using System.Globalization;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P1;

/// <summary>
/// The P1 measurements for one size, in a process of their own. Modes run round-robin (the order rotating each
/// round) so that drift on a shared machine hits the baseline and hostnet alike. Prints a line protocol that
/// <see cref="ChildFigures"/> reads.
/// </summary>
internal static class ThroughputChild
{
    public static int Run(string directory, int repetitions, int breakdownRuns, double warmUpSeconds, TextWriter output)
    {
        var modes = P1Work.Modes;
        var times = modes.ToDictionary(m => m.Key, _ => new List<double>(), StringComparer.Ordinal);
        var pauses = modes.ToDictionary(m => m.Key, _ => new List<double>(), StringComparer.Ordinal);
        var allocations = new Dictionary<string, long>(StringComparer.Ordinal);
        var results = new Dictionary<string, long>(StringComparer.Ordinal);

        // Warm-up: whole rounds until the JIT has had its time. The first round's hostnet figure is the cold one.
        var warmUp = Stopwatch.StartNew();
        var round = 0;
        do
        {
            foreach (var mode in modes)
            {
                var (milliseconds, _, _) = Time(mode, directory, results);
                if (round == 0)
                {
                    output.WriteLine(Protocol("cold", mode.Key, milliseconds.ToString("F3", CultureInfo.InvariantCulture)));
                }
            }

            round++;
        }
        while (warmUp.Elapsed.TotalSeconds < warmUpSeconds);

        output.WriteLine(Protocol("count", "warm-up-rounds", round.ToString(CultureInfo.InvariantCulture)));
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            for (var i = 0; i < modes.Count; i++)
            {
                var mode = modes[(i + repetition) % modes.Count];
                var (milliseconds, pause, allocated) = Time(mode, directory, results);
                times[mode.Key].Add(milliseconds);
                pauses[mode.Key].Add(pause);
                allocations[mode.Key] = allocated;
            }
        }

        foreach (var mode in modes)
        {
            output.WriteLine(Protocol("time", mode.Key, new Samples(times[mode.Key]).Serialize()));
            output.WriteLine(Protocol("gc-pause", mode.Key, new Samples(pauses[mode.Key]).Serialize()));
            output.WriteLine(Protocol("allocated", mode.Key, allocations[mode.Key].ToString(CultureInfo.InvariantCulture)));
            output.WriteLine(Protocol("result", mode.Key, results[mode.Key].ToString(CultureInfo.InvariantCulture)));
        }

        Describe(directory, output);
        Breakdown(directory, breakdownRuns, output);
        return 0;
    }

    /// <summary>One run of a mode in a peak-memory child: nothing else ran in this process.</summary>
    public static int Peak(string directory, string modeKey, TextWriter output)
    {
        var mode = P1Work.Modes.Single(m => m.Key == modeKey);
        var clock = Stopwatch.StartNew();
        var result = mode.Run(directory);
        output.WriteLine(Protocol("cold", mode.Key, clock.Elapsed.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("result", mode.Key, result.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("peak", mode.Key, (PeakMemory.Kilobytes() ?? -1).ToString(CultureInfo.InvariantCulture)));
        return 0;
    }

    /// <summary>Runs one mode over and over for a while: a steady process to attach a profiler to.</summary>
    public static int Loop(string directory, string modeKey, double seconds, TextWriter output)
    {
        var mode = P1Work.Modes.Single(m => m.Key == modeKey);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pauses = GC.GetTotalPauseDuration();
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            mode.Run(directory);
            runs++;
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        output.WriteLine(Protocol("count", "runs", runs.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("count", "ms-per-run", (elapsed / runs).ToString("F1", CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("count", "allocated-MiB-per-run", ((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0 / runs).ToString("F1", CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("count", "gc-pause-ms-per-run", ((GC.GetTotalPauseDuration() - pauses).TotalMilliseconds / runs).ToString("F1", CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("count", "gcs-per-run", string.Join('/', Enumerable.Range(0, 3).Select(g => ((GC.CollectionCount(g) - collections[g]) / (double)runs).ToString("F1", CultureInfo.InvariantCulture)))));
        return 0;
    }

    /// <summary>One run from a clean heap: wall milliseconds, GC pause milliseconds within it, bytes allocated.</summary>
    private static (double Milliseconds, double Pause, long Allocated) Time(P1Mode mode, string directory, Dictionary<string, long> results)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = mode.Run(directory);
        clock.Stop();
        var paused = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        var allocation = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (results.TryGetValue(mode.Key, out var previous) && previous != result)
        {
            throw new InvalidOperationException($"{mode.Key} gave {result}, then {previous}: the work is not repeatable");
        }

        results[mode.Key] = result;
        return (clock.Elapsed.TotalMilliseconds, paused, allocation);
    }

    /// <summary>What the check found, so a reader sees the rules had work (and that it matches the CLI's).</summary>
    private static void Describe(string directory, TextWriter output)
    {
        var report = P1Work.RunCheck(directory, out var files);
        output.WriteLine(Protocol("count", "files", files.Count.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("count", "bytes", files.Sum(f => new FileInfo(f.Path).Length).ToString(CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("count", "objects", report.Objects.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine(Protocol("count", "findings", report.Diagnostics.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var group in report.Diagnostics.GroupBy(d => d.Rule.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(Protocol("rule", group.Key, group.Count().ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Instrumented runs; the median of each phase.</summary>
    private static void Breakdown(string directory, int count, TextWriter output)
    {
        var runs = Enumerable.Range(0, count).Select(_ =>
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return PhaseBreakdown.Run(directory);
        }).ToArray();
        for (var i = 0; i < runs[0].Count; i++)
        {
            var median = new Samples(runs.Select(r => r[i].Milliseconds).ToArray()).Median;
            output.WriteLine(Protocol("phase", runs[0][i].Phase, median.ToString("F3", CultureInfo.InvariantCulture)));
        }

        foreach (var (phase, kilobytes) in PhaseBreakdown.Peaks)
        {
            output.WriteLine(Protocol("phase-peak", phase, kilobytes.ToString(CultureInfo.InvariantCulture)));
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(Protocol("heap", "before", baseline.ToString(CultureInfo.InvariantCulture)));
        foreach (var (point, bytes) in PhaseBreakdown.Heap(directory))
        {
            output.WriteLine(Protocol("heap", point, bytes.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static string Protocol(string type, string key, string value) => type + "\t" + key + "\t" + value;
}
