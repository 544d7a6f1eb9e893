using System.Diagnostics;
using System.Globalization;
using Hostnet.Bench.Measurement;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;

namespace Hostnet.Bench.P2;

/// <summary>
/// One P2 placement run in a child process of its own (so its peak resident set is its own): build the workload,
/// then place the queue pod by pod as <c>hostnet plan</c> does (schedule, then bind to the chosen node), either with
/// hostnet's <see cref="Scheduler"/> or with the <see cref="NaiveScheduler"/> baseline (which places at most
/// <see cref="BaselinePods"/> pods: it is far too slow for the whole queue at full size). Prints
/// <c>key=value;…</c>: per phase its wall and CPU milliseconds and allocated bytes, pods placed and left Pending,
/// collections and the peak resident set.
/// </summary>
internal static class PlacementChild
{
    public const int BaselinePods = 2_000;

    public static int Run(int divisor, string workload, string mode, TextWriter output)
    {
        // Warm-up on a smaller workload (1/10 before the full size), so that the timed run meets code the JIT has
        // optimized, as P1's warm-up rounds do; the peak resident set includes it.
        Measure(PlacementWorkload.Build(divisor == 1 ? 10 : divisor, workload == "anti-affinity"), mode, []);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var figures = new List<string>();
        var built = Phase(figures, "build", () => PlacementWorkload.Build(divisor, workload == "anti-affinity"));
        var before = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var counts = Measure(built, mode, figures);
        figures.Add(string.Create(CultureInfo.InvariantCulture,
            $"scored={counts.Scored};schedule-ms={counts.ScheduleTicks * 1000.0 / Stopwatch.Frequency:F1};bind-ms={counts.BindTicks * 1000.0 / Stopwatch.Frequency:F1};pods={counts.Placed + counts.Pending};placed={counts.Placed};pending={counts.Pending};queue={built.Queue.Count};nodes={built.State.Nodes.Count};running={built.RunningPods};gc0={GC.CollectionCount(0) - before.Item1};gc1={GC.CollectionCount(1) - before.Item2};gc2={GC.CollectionCount(2) - before.Item3};peak-kb={PeakMemory.Kilobytes() ?? 0}"));
        output.WriteLine(string.Join(';', figures));
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
            Phase(figures, "deployments", () => Place(queue.Take(deployments), p => Scheduled(scheduler.Schedule(p, state)), state, counts));
            Phase(figures, "daemonset", () => Place(queue.Skip(deployments), p => Scheduled(scheduler.Schedule(p, state)), state, counts));
        }
        else
        {
            var naive = new NaiveScheduler(version);
            var all = state.Placements.ToList();
            var timed = queue.Take(BaselinePods).ToList();
            Phase(figures, "baseline", () => Place(timed, p => naive.Schedule(p, state, all) is ({ } node, var scored) ? (Bound(all, p, state, node), scored) : (null, 0), state, counts));
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

    private static T Phase<T>(List<string> figures, string name, Func<T> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        figures.Add(string.Create(CultureInfo.InvariantCulture, $"{name}-ms={wall:F1};{name}-cpu-ms={cpuMs:F1};{name}-alloc={GC.GetTotalAllocatedBytes(precise: true) - allocated}"));
        return result;
    }

    private sealed class Counts
    {
        public int Placed { get; set; }

        public int Pending { get; set; }

        public long Scored { get; set; }

        public long ScheduleTicks { get; set; }

        public long BindTicks { get; set; }
    }
}
