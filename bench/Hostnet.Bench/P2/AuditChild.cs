using System.Diagnostics;
using System.Globalization;
using Hostnet.Bench.Measurement;
using Hostnet.Core.Analysis;
using Hostnet.Core.Audit;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;

namespace Hostnet.Bench.P2;

/// <summary>
/// <c>hostnet audit --cluster FILE</c> without the CLI, in a child process of its own: per run (each after a full
/// collection) the snapshot load, the audit (rules on the live objects, observed findings, inventory, port map and
/// picture) and the HTML and JSON reports into <see cref="TextWriter.Null"/>, each timed, with the audit's allocated
/// bytes and CPU time. Prints <c>load-ms=…;audit-ms=…;report-ms=…;alloc-mb=…;cpu-ms=…;peak-kb=…;findings=…;inventory=…;rows=…</c>.
/// </summary>
internal static class AuditChild
{
    public static int Run(string file, int reps, TextWriter output)
    {
        List<double> load = [], audit = [], reports = [], allocated = [], cpu = [];
        AuditReport? report = null;
        for (var i = 0; i < reps; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var clock = Stopwatch.StartNew();
            ClusterSnapshot snapshot;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                var read = SnapshotReader.Read(file, stream);
                if (read.HasErrors)
                {
                    throw new InvalidOperationException(read.Errors[0].ToString());
                }

                snapshot = read.Snapshot;
            }

            load.Add(clock.Elapsed.TotalMilliseconds);
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            report = Auditor.Audit(snapshot, file, AnalysisOptions.Default with { KubeVersion = snapshot.ServerVersion ?? AnalysisOptions.Default.KubeVersion });
            audit.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1e6);
            clock.Restart();
            AuditHtmlWriter.Write(report, TextWriter.Null);
            AuditJsonWriter.Write(report, TextWriter.Null);
            reports.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"load-ms={new Samples(load).Serialize()};audit-ms={new Samples(audit).Serialize()};report-ms={new Samples(reports).Serialize()};alloc-mb={new Samples(allocated).Median:F1};cpu-ms={new Samples(cpu).Median:F0};peak-kb={PeakMemory.Kilobytes() ?? 0};findings={report!.Findings.Count};inventory={report.Inventory.Count};rows={report.Picture.Rows.Count}"));
        return 0;
    }
}
