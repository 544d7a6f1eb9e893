using System.Diagnostics;
using System.Globalization;
using Hostnet.Bench.Measurement;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Bench.P2;

/// <summary>
/// One P2 placement measurement in a child process of its own (so its peak resident set is its own): warm up, then
/// <see cref="HostnetRuns"/> times build the workload and place the queue pod by pod as <c>hostnet plan</c> does
/// (schedule, then bind to the chosen node), either with
/// hostnet's <see cref="Scheduler"/> or with the <see cref="NaiveScheduler"/> baseline (which places at most
/// <see cref="BaselinePods"/> pods: it is far too slow for the whole queue at full size). Prints
/// <c>key=value;…</c> for the run of median wall time: per phase its wall and CPU milliseconds, allocated bytes,
/// methods compiled and GC pauses, pods placed and left Pending, collections; then the fastest and slowest run's wall
/// time and the peak resident set.
/// </summary>
internal static class PlacementChild
{
    public const int BaselinePods = 2_000;

    /// <summary>The naive baseline sampling nodes as kube-scheduler does (the plain "baseline" scores every feasible node).</summary>
    public const string SampledBaseline = "baseline-sampled";

    public const double WarmUpSeconds = 3;

    /// <summary>Timed runs of hostnet's scheduler (the baseline, far slower, runs once).</summary>
    public const int HostnetRuns = 5;

    /// <param name="cold">
    /// Place once in this fresh process, without warm-up and without waiting for the JIT: what a single
    /// <c>hostnet plan</c> meets (its first cycles run on unoptimized code while tiered compilation catches up).
    /// </param>
    public static int Run(int divisor, string workload, string mode, bool cold, TextWriter output)
    {
        // Warm-up rounds on a smaller workload (1/10 before the full size) for at least WarmUpSeconds, as P1's are:
        // tiered compilation optimizes a method only after it has been called for a while and a quiet spell has
        // passed, so a single round leaves the timed run on unoptimized code. The peak resident set includes them.
        var warmUp = Stopwatch.StartNew();
        var rounds = 0;
        while (!cold && (rounds == 0 || warmUp.Elapsed.TotalSeconds < WarmUpSeconds))
        {
            Measure(PlacementWorkload.Build(divisor == 1 ? 10 : divisor, workload == "anti-affinity"), mode, []);
            rounds++;
        }

        // Timed runs, each on a freshly built workload; the one of median wall time is reported, with the spread.
        var runs = new List<(double Wall, List<string> Figures)>();
        for (var run = 0; run < (mode == "hostnet" && !cold ? HostnetRuns : 1); run++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var figures = new List<string>();
            var (built, _) = Phase(figures, "build", () => PlacementWorkload.Build(divisor, workload == "anti-affinity"));
            if (!cold)
            {
                AwaitQuietJit();
            }

            var before = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var counts = Measure(built, mode, figures);
            figures.Add(string.Create(CultureInfo.InvariantCulture,
                $"warm-up-rounds={rounds};scored={counts.Scored};schedule-ms={counts.ScheduleTicks * 1000.0 / Stopwatch.Frequency:F1};bind-ms={counts.BindTicks * 1000.0 / Stopwatch.Frequency:F1};pods={counts.Placed + counts.Pending};placed={counts.Placed};pending={counts.Pending};queue={built.Queue.Count};nodes={built.State.Nodes.Count};running={built.RunningPods};gc0={GC.CollectionCount(0) - before.Item1};gc1={GC.CollectionCount(1) - before.Item2};gc2={GC.CollectionCount(2) - before.Item3}"));
            runs.Add((counts.PlacingMilliseconds, figures));
        }

        var ordered = runs.OrderBy(r => r.Wall).ToList();
        output.WriteLine(string.Join(';', ordered[ordered.Count / 2].Figures) + string.Create(CultureInfo.InvariantCulture,
            $";runs={runs.Count};wall-min-ms={ordered[0].Wall:F1};wall-max-ms={ordered[^1].Wall:F1};peak-kb={PeakMemory.Kilobytes() ?? 0}"));
        return 0;
    }

    private static Counts Measure(PlacementWorkload built, string mode, List<string> figures)
    {
        var (state, queue) = (built.State, built.Queue);
        var version = KubeVersion.Latest;
        var counts = new Counts();
        if (mode == "hostnet")
        {
            var scheduler = new Scheduler(version);
            var deployments = queue.Count - built.DaemonSetPods;
            counts.PlacingMilliseconds += Phase(figures, "deployments", () => Place(queue.Take(deployments), p => Scheduled(scheduler.Schedule(p, state)), state, counts)).Milliseconds;
            counts.PlacingMilliseconds += Phase(figures, "daemonset", () => Place(queue.Skip(deployments), p => Scheduled(scheduler.Schedule(p, state)), state, counts)).Milliseconds;
        }
        else
        {
            var naive = new NaiveScheduler(version, sampled: mode == SampledBaseline);
            var all = state.Placements.ToList();
            var timed = queue.Take(BaselinePods).ToList();
            counts.PlacingMilliseconds += Phase(figures, "baseline", () => Place(timed, p => naive.Schedule(p, state, all) is ({ } node, var scored) ? (Bound(all, p, state, node), scored) : (null, 0), state, counts)).Milliseconds;
        }

        return counts;
    }

    /// <summary>The baseline records the binding in its own list of placements (its "index" is a flat list).</summary>
    private static string Bound(List<(PodInfo Pod, NodeInfo Node)> all, PodInfo pod, ClusterState state, string node)
    {
        all.Add((pod, state.Find(node)!));
        return node;
    }

    private static (string? Node, int Scored) Scheduled(ScheduleResult result) => (result.NodeName, result.FeasibleNodes);

    private static Counts Place(IEnumerable<PodInfo> pods, Func<PodInfo, (string? Node, int Scored)> schedule, ClusterState state, Counts counts)
    {
        foreach (var pod in pods)
        {
            var start = Stopwatch.GetTimestamp();
            var (node, scored) = schedule(pod);
            var scheduled = Stopwatch.GetTimestamp();
            counts.Scored += scored;
            counts.ScheduleTicks += scheduled - start;
            if (node is not null)
            {
                state.Add(pod, node);
                counts.BindTicks += Stopwatch.GetTimestamp() - scheduled;
                counts.Placed++;
            }
            else
            {
                counts.Pending++;
            }
        }

        return counts;
    }

    /// <summary>
    /// Building the workload reads YAML templates, whose methods the tiered JIT then recompiles in the background:
    /// wait (at most 5 s) until no method has been compiled for half a second, so that none of it runs in a timed phase.
    /// </summary>
    private static void AwaitQuietJit()
    {
        var waited = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (waited.Elapsed.TotalSeconds < 5)
        {
            Thread.Sleep(500);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }

    /// <summary>Runs one phase after a full collection and records its figures; returns its result and wall milliseconds.</summary>
    private static (T Result, double Milliseconds) Phase<T>(List<string> figures, string name, Func<T> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        figures.Add(string.Create(CultureInfo.InvariantCulture, $"{name}-ms={wall:F1};{name}-cpu-ms={cpuMs:F1};{name}-alloc={GC.GetTotalAllocatedBytes(precise: true) - allocated};{name}-jitted={System.Runtime.JitInfo.GetCompiledMethodCount() - jitted};{name}-jit-ms={(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F1};{name}-gc-pause-ms={(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F1}"));
        return (result, wall);
    }

    private sealed class Counts
    {
        public int Placed { get; set; }

        public int Pending { get; set; }

        public long Scored { get; set; }

        public long ScheduleTicks { get; set; }

        public long BindTicks { get; set; }

        /// <summary>The wall time of the placing phases (not the build): what a run is ranked by.</summary>
        public double PlacingMilliseconds { get; set; }
    }
}
