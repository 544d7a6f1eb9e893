using System.Globalization;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P2;

/// <summary>
/// P2's placement (PERFORMANCE.md: ≥ 50,000 pods/s for port, selector and taint filters, ≥ 5,000 pods/s with required
/// pod anti-affinity, peak ≤ 2 GB): <see cref="PlacementWorkload"/> at 1/100, 1/10 and full size, each workload and
/// mode in a child process of its own (<see cref="PlacementChild"/>), hostnet beside the naive all-nodes baseline.
/// </summary>
internal static class PlacementBench
{
    private static readonly (string Workload, string Label)[] Workloads =
    [
        ("basic", "ports, selectors, taints + DaemonSet"),
        ("anti-affinity", "required pod anti-affinity"),
    ];

    public static void Run(BenchSettings settings, SelfCommand self, TextWriter report, TextWriter progress)
    {
        report.WriteLine("## P2: placement");
        report.WriteLine();
        report.WriteLine("`P2/PlacementWorkload.cs` builds the cluster state directly: 5,000 nodes (pools general, infra, gpu, edge; three");
        report.WriteLine("tainted; 1 % cordoned; ten zones), 30 running pods a node (a third with a host port of their own, 2 % with hostname");
        report.WriteLine("anti-affinity) and a node-exporter on every node holding 9100. Queue \"ports, selectors, taints\": 10,000 pods of");
        report.WriteLine("Deployments of 50 replicas, host network with a port each (every 25th reuses 9100 by mistake and stays Pending),");
        report.WriteLine("a node selector and the tolerations of their pool, then a 5,000-pod DaemonSet. Queue \"anti-affinity\": 10,000 pods");
        report.WriteLine("of Deployments of 100 replicas with required anti-affinity on `kubernetes.io/hostname` against their own pods.");
        report.WriteLine("Every pod is scheduled and bound in turn, as `hostnet plan` does. Each row is a child process: warm-up rounds on");
        report.WriteLine($"a smaller workload for {PlacementChild.WarmUpSeconds:0} s (so that tiered compilation has optimized the code), then, for hostnet,");
        report.WriteLine($"{PlacementChild.HostnetRuns} timed runs, each on a freshly built workload once the JIT has gone quiet; the row shows the run of median");
        report.WriteLine("wall time (the fastest and slowest beside it). The baseline runs once and places the first");
        report.WriteLine($"{PlacementChild.BaselinePods:N0} pods of the queue only. The baseline is our own naive scheduler: it scores every feasible");
        report.WriteLine("node, where hostnet (like kube-scheduler, percentageOfNodesToScore) stops once numFeasibleNodesToFind are found (500 of");
        report.WriteLine("5,000 nodes); the sampled baseline does the same, so `× sampled baseline` compares like with like and shows the engine.");
        report.WriteLine();
        var table = new MarkdownTable("size", "queue", "mode", "nodes", "running", "pods timed", "pending", "wall", "wall min–max", "CPU", "pods/s (wall)", "pods/s (CPU)", "× baseline (CPU)", "× sampled baseline (CPU)", "scored/pod", "alloc/pod", "GC 0/1/2", "peak RSS") { TextColumns = 3 };
        var phases = new MarkdownTable("size", "queue", "build state", "Deployments' pods", "DaemonSet's pods", "of which schedule", "of which bind", "GC pauses", "methods compiled") { TextColumns = 2 };
        var aheadOfTime = settings.NativeAotBench is { } folder ? new SelfCommand(Path.Combine(folder, "Hostnet.Bench"), []) : null;
        int[] divisors = settings.Quick ? [100, 10] : [100, 10, 1];
        foreach (var divisor in divisors)
        {
            var size = divisor == 1 ? "full" : "1/" + divisor.ToString(CultureInfo.InvariantCulture);
            foreach (var (workload, label) in Workloads)
            {
                double? baselineCpuPerPod = null;
                double? sampledCpuPerPod = null;
                foreach (var (mode, cold, child) in Rows(self, aheadOfTime))
                {
                    progress.WriteLine($"P2 placement: {label}, {mode}{(cold ? " cold" : string.Empty)}{(child == self ? string.Empty : " (NativeAOT)")} at {size} …");
                    string[] arguments = ["--child", "p2-place", "--divisor", divisor.ToString(CultureInfo.InvariantCulture), "--workload", workload, "--mode", mode, .. cold ? new[] { "--cold" } : []];
                    var output = child.Run(arguments).Output;
                    var f = output.Trim().Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
                    double D(string key) => double.Parse(f.GetValueOrDefault(key, "0"), CultureInfo.InvariantCulture);
                    var phaseNames = mode == "hostnet" ? new[] { "deployments", "daemonset" } : ["baseline"];
                    var wall = phaseNames.Sum(p => D(p + "-ms"));
                    var cpu = phaseNames.Sum(p => D(p + "-cpu-ms"));
                    var allocated = phaseNames.Sum(p => D(p + "-alloc"));
                    var pods = D("pods");
                    baselineCpuPerPod ??= cpu / pods;
                    if (mode == PlacementChild.SampledBaseline)
                    {
                        sampledCpuPerPod = cpu / pods;
                    }

                    table.Row(
                        size,
                        label,
                        mode switch
                        {
                            "baseline" => "baseline: every filter on every node, scores all feasible",
                            PlacementChild.SampledBaseline => "baseline, sampled as kube-scheduler (numFeasibleNodesToFind)",
                            _ when cold && child != self => "hostnet Scheduler, cold, NativeAOT: one placement in a fresh process compiled ahead of time (as the shipped `hostnet plan` on linux-x64)",
                            _ when cold => "hostnet Scheduler, cold: one placement in a fresh process (JIT, as one `hostnet plan` framework-dependent)",
                            _ => "hostnet Scheduler (samples as kube-scheduler), warm",
                        },
                        Format.Count((long)D("nodes")),
                        Format.Count((long)D("running")),
                        Format.Count((long)pods),
                        Format.Count((long)D("pending")),
                        Format.Milliseconds(wall),
                        D("runs") > 1 ? $"{Format.Milliseconds(D("wall-min-ms"))}–{Format.Milliseconds(D("wall-max-ms"))}" : "–",
                        Format.Milliseconds(cpu),
                        Format.Count((long)(pods / (wall / 1000))),
                        Format.Count((long)(pods / (cpu / 1000))),
                        Format.Fixed(baselineCpuPerPod.Value / (cpu / pods), 1) + "×",
                        sampledCpuPerPod is { } sampledPerPod ? Format.Fixed(sampledPerPod / (cpu / pods), 1) + "×" : "–",
                        Format.Fixed(D("scored") / pods, 0),
                        Format.Count((long)(allocated / pods)) + " B",
                        $"{D("gc0")}/{D("gc1")}/{D("gc2")}",
                        Format.Megabytes((long)D("peak-kb") * 1024));
                    if (mode == "hostnet" && !cold)
                    {
                        phases.Row(size, label, Format.Milliseconds(D("build-ms")), Format.Milliseconds(D("deployments-ms")), Format.Milliseconds(D("daemonset-ms")), Format.Milliseconds(D("schedule-ms")), Format.Milliseconds(D("bind-ms")),
                            Format.Milliseconds(D("deployments-gc-pause-ms") + D("daemonset-gc-pause-ms")), Format.Count((long)(D("deployments-jitted") + D("daemonset-jitted"))));
                    }
                }
            }
        }

        report.Write(table);
        report.WriteLine();
        if (aheadOfTime is null)
        {
            report.WriteLine("Cold, NativeAOT: not measured (bench/run.sh publishes this benchmark with NativeAOT and passes --aot-bench DIR).");
            report.WriteLine();
        }

        report.WriteLine("Where the time goes (hostnet, wall): building the state (nodes, running pods bound directly), placing the");
        report.WriteLine("Deployments' pods and the DaemonSet's, and within them scheduling cycles versus binding to the chosen node; the");
        report.WriteLine("garbage collector's pauses and the methods the JIT compiled while the placing was timed.");
        report.WriteLine();
        report.Write(phases);
        report.WriteLine();
    }

    /// <summary>
    /// The rows of one size and queue, each a child process: the baselines, hostnet cold on the JIT, hostnet cold
    /// compiled ahead of time (when a NativeAOT publish of this benchmark is given: the shipped build's first cycles),
    /// hostnet warm.
    /// </summary>
    private static IEnumerable<(string Mode, bool Cold, SelfCommand Child)> Rows(SelfCommand self, SelfCommand? aheadOfTime)
    {
        yield return ("baseline", false, self);
        yield return (PlacementChild.SampledBaseline, false, self);
        yield return ("hostnet", true, self);
        if (aheadOfTime is not null)
        {
            yield return ("hostnet", true, aheadOfTime);
        }

        yield return ("hostnet", false, self);
    }
}
