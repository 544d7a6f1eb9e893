using System.Globalization;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P2;

/// <summary>
/// <c>hostnet audit</c> of P2's snapshot (PERFORMANCE.md P2 budget: peak ≤ 2 GB; the audit must add little to the
/// load and grow linearly) at 1/100, 1/10 and full size, the load of the same snapshot timed in the same child run.
/// </summary>
internal static class AuditBench
{
    private const int FullNodes = 5_000;
    private const int PodsPerNode = 30;

    public static void Run(BenchSettings settings, SelfCommand self, TextWriter report, TextWriter progress)
    {
        report.WriteLine("## P2: audit of the cluster snapshot");
        report.WriteLine();
        report.WriteLine("`Auditor.Audit` over P2's generated snapshot (pods only, no workload objects: owners come from the pods' ownerReferences");
        report.WriteLine("and pod-template-hash), in a child process of its own per size: runs of load → audit → HTML + JSON reports (3, 2, 1),");
        report.WriteLine("each after a full GC. Medians; \"audit ÷ load\" is same-run; allocated and CPU time are the audit step's; peak = VmHWM of the child.");
        report.WriteLine();
        var table = new MarkdownTable("size", "nodes", "pods", "load", "audit", "audit ÷ load", "reports", "audit allocated", "audit CPU", "findings", "inventory", "map rows", "peak RSS") { TextColumns = 1 };
        int[] divisors = settings.Quick ? [100, 10] : [100, 10, 1];
        foreach (var divisor in divisors)
        {
            var nodes = FullNodes / divisor;
            var generator = new SnapshotGenerator(nodes, PodsPerNode);
            var file = Path.Combine(settings.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"p2-audit-{divisor}.json"));
            progress.WriteLine($"P2 audit: writing {nodes:N0} nodes, {generator.Pods:N0} pods …");
            generator.Write(file);
            var reps = divisor switch { 100 => 3, 10 => 2, _ => 1 };
            progress.WriteLine($"P2 audit: 1/{divisor} …");
            var output = self.Run("--child", "audit", "--file", file, "--reps", reps.ToString(CultureInfo.InvariantCulture)).Output;
            var fields = output.Trim().Split(';').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
            var load = Samples.Parse(fields["load-ms"]).Median;
            var audit = Samples.Parse(fields["audit-ms"]).Median;
            table.Row(
                divisor == 1 ? "full" : "1/" + divisor.ToString(CultureInfo.InvariantCulture),
                Format.Count(nodes),
                Format.Count(generator.Pods),
                Format.Milliseconds(load),
                Format.Milliseconds(audit),
                Format.Ratio(audit / load),
                Format.Milliseconds(Samples.Parse(fields["report-ms"]).Median),
                fields["alloc-mb"] + " MB",
                fields["cpu-ms"] + " ms",
                fields["findings"],
                fields["inventory"],
                fields["rows"],
                Format.Megabytes(long.Parse(fields["peak-kb"], CultureInfo.InvariantCulture) * 1024));
            File.Delete(file);
        }

        report.Write(table);
        report.WriteLine();
    }
}
