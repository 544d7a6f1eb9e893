using System.Globalization;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P2;

/// <summary>
/// P2's snapshot load (PERFORMANCE.md: ≥ 200 MB/s, peak ≤ 2 GB): the generated snapshot at 1/100, 1/10 and full size
/// (5,000 nodes, 150,000 pods), each mode in a child process, side by side with the baselines of the same run.
/// </summary>
internal static class SnapshotLoadBench
{
    private const int FullNodes = 5_000;
    private const int PodsPerNode = 30;

    private static readonly (string Mode, string Label)[] Modes =
    [
        ("scan", "baseline: Utf8JsonReader token scan (floor)"),
        ("jsondocument", "baseline: JsonDocument.Parse"),
        ("hostnet", "hostnet: SnapshotReader.Read → ClusterSnapshot"),
    ];

    public static void Run(BenchSettings settings, SelfCommand self, TextWriter report, TextWriter progress)
    {
        report.WriteLine("## P2: cluster snapshot load");
        report.WriteLine();
        report.WriteLine("A `kubectl get nodes,pods,namespaces,services -A -o json` List written by `P2/SnapshotGenerator.cs` (managedFields,");
        report.WriteLine("last-applied annotations, node images, container statuses), 30 pods a node. Each mode runs in a child process of");
        report.WriteLine("its own: one warm-up (not at full size), then timed runs after a full GC (10, 4, 2); MB/s = file bytes ÷ median time (MB = 10^6 bytes);");
        report.WriteLine("peak = VmHWM of that child. The target is ≥ 200 MB/s at full size with peak ≤ 2 GB.");
        report.WriteLine();
        var table = new MarkdownTable("size", "mode", "nodes", "pods", "file", "median", "min–max", "MB/s", "÷ scan", "peak RSS") { TextColumns = 2 };
        int[] divisors = settings.Quick ? [100, 10] : [100, 10, 1];
        foreach (var divisor in divisors)
        {
            var nodes = FullNodes / divisor;
            var generator = new SnapshotGenerator(nodes, PodsPerNode);
            var file = Path.Combine(settings.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"p2-snapshot-{divisor}.json"));
            progress.WriteLine($"P2: writing {nodes:N0} nodes, {generator.Pods:N0} pods …");
            var bytes = generator.Write(file);
            double? scanMedian = null;
            var reps = divisor switch { 100 => 10, 10 => 4, _ => 2 };
            foreach (var (mode, label) in Modes)
            {
                progress.WriteLine($"P2: {label} at 1/{divisor} …");
                var output = self.Run("--child", "p2", "--file", file, "--mode", mode, "--reps", reps.ToString(CultureInfo.InvariantCulture)).Output;
                var fields = output.Trim().Split(';').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
                var samples = Samples.Parse(fields["ms"]);
                scanMedian ??= samples.Median;
                table.Row(
                    divisor == 1 ? "full" : "1/" + divisor.ToString(CultureInfo.InvariantCulture),
                    label,
                    Format.Count(nodes),
                    Format.Count(generator.Pods),
                    Format.Megabytes(bytes),
                    Format.Milliseconds(samples.Median),
                    $"{Format.Milliseconds(samples.Min)}–{Format.Milliseconds(samples.Max)}",
                    Format.Fixed(bytes / 1e6 / (samples.Median / 1000), 0),
                    Format.Ratio(samples.Median / scanMedian.Value),
                    Format.Megabytes(long.Parse(fields["peak-kb"], CultureInfo.InvariantCulture) * 1024));
            }

            File.Delete(file);
        }

        report.Write(table);
        report.WriteLine();
    }
}
