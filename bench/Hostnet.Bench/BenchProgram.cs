using System.Globalization;
using Hostnet.Bench.Measurement;
using Hostnet.Bench.P1;
using Hostnet.Bench.P2;
using Hostnet.Bench.P5;
using Hostnet.Bench.Workload;

namespace Hostnet.Bench;

/// <summary>
/// The P1 and P5 benchmarks (shared/design/PERFORMANCE.md), or one child part of them.
/// <code>
/// Hostnet.Bench [--only p1|p2|p2-load|p2-place|p5] [--quick] [--cli PATH] [--r2r DIR] [--aot DIR] [--aot-bench DIR] [--work DIR] [--keep]
/// Hostnet.Bench --child p1 --dir DIR --reps N [--breakdown-runs N] --warm-up SECONDS
/// Hostnet.Bench --child p1-peak --dir DIR --mode check-json|yamlstream
/// Hostnet.Bench --child generate --dir DIR --divisor 1|10|100   (writes the P1 workload and keeps it)
/// Hostnet.Bench --child profile --dir DIR --mode check|check-json|yamlstream|events --seconds N   (for perf record)
/// Hostnet.Bench --child p2 --file FILE --mode scan|jsondocument|hostnet --reps N   (one P2 snapshot-load mode)
/// Hostnet.Bench --child p2-place --divisor 1|10|100 --workload basic|anti-affinity --mode hostnet|baseline|baseline-sampled [--cold]   (one P2 placement run)
/// Hostnet.Bench --child p2-generate --file FILE --divisor 1|10|100   (writes the P2 snapshot and keeps it)
/// Hostnet.Bench --child audit --file FILE --reps N   (load, audit and report the P2 snapshot)
/// </code>
/// </summary>
internal static class BenchProgram
{
    public static int Run(string[] args)
    {
        var options = Options(args);
        if (options.TryGetValue("--child", out var child))
        {
            return child switch
            {
                "p1" => ThroughputChild.Run(
                    options["--dir"],
                    int.Parse(options["--reps"], CultureInfo.InvariantCulture),
                    int.Parse(options.GetValueOrDefault("--breakdown-runs", "3"), CultureInfo.InvariantCulture),
                    double.Parse(options["--warm-up"], CultureInfo.InvariantCulture),
                    Console.Out),
                "p1-peak" => ThroughputChild.Peak(options["--dir"], options["--mode"], Console.Out),
                "generate" => Generate(options["--dir"], int.Parse(options["--divisor"], CultureInfo.InvariantCulture)),
                "profile" => ThroughputChild.Loop(options["--dir"], options["--mode"], double.Parse(options["--seconds"], CultureInfo.InvariantCulture), Console.Out),
                "p2" => SnapshotLoadChild.Run(options["--file"], options["--mode"], int.Parse(options["--reps"], CultureInfo.InvariantCulture), Console.Out),
                "p2-place" => PlacementChild.Run(int.Parse(options["--divisor"], CultureInfo.InvariantCulture), options["--workload"], options["--mode"], options.ContainsKey("--cold"), Console.Out),
                "audit" => AuditChild.Run(options["--file"], int.Parse(options["--reps"], CultureInfo.InvariantCulture), Console.Out),
                "p2-generate" => GenerateSnapshot(options["--file"], int.Parse(options["--divisor"], CultureInfo.InvariantCulture)),
                _ => Usage($"unknown child '{child}'"),
            };
        }

        var root = BenchSettings.RepositoryRoot();
        var work = options.GetValueOrDefault("--work") ?? Path.Combine(Path.GetTempPath(), "hostnet-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var settings = new BenchSettings(
            options.GetValueOrDefault("--only"),
            options.ContainsKey("--quick"),
            Path.GetFullPath(options.GetValueOrDefault("--cli") ?? Path.Combine(root, "src/Hostnet.Cli/bin/Release/net10.0/hostnet")),
            options.GetValueOrDefault("--r2r") is { } r2r ? Path.GetFullPath(r2r) : null,
            options.GetValueOrDefault("--aot") is { } aot ? Path.GetFullPath(aot) : null,
            options.GetValueOrDefault("--aot-bench") is { } aotBench ? Path.GetFullPath(aotBench) : null,
            Path.GetFullPath(work),
            options.ContainsKey("--keep"));
        Directory.CreateDirectory(settings.WorkDirectory);
        try
        {
            var report = Console.Out;
            report.WriteLine("# hostnet benchmark: P1 (check throughput), P2 (snapshot load, placement) and P5 (start-up)");
            report.WriteLine();
            var machine = new MarkdownTable("machine", "value") { TextColumns = 2 };
            foreach (var (name, value) in Machine.Facts())
            {
                machine.Row(name, value);
            }

            report.Write(machine);
            report.WriteLine();
            if (settings.Quick)
            {
                report.WriteLine("**--quick run: smaller sizes and fewer runs; not for publishing.**");
                report.WriteLine();
            }

            if (settings.Runs("p1"))
            {
                ThroughputBench.Run(settings, SelfCommand.Current(), report, Console.Error);
            }

            if (settings.Runs("p2") || settings.Runs("p2-load"))
            {
                SnapshotLoadBench.Run(settings, SelfCommand.Current(), report, Console.Error);
            }

            if (settings.Runs("p2") || settings.Runs("p2-place"))
            {
                PlacementBench.Run(settings, SelfCommand.Current(), report, Console.Error);
            }

            if (settings.Runs("audit"))
            {
                AuditBench.Run(settings, SelfCommand.Current(), report, Console.Error);
            }

            if (settings.Runs("p5"))
            {
                StartupBench.Run(settings, report, Console.Error);
            }

            report.WriteLine($"Load average at the end: {Machine.LoadAverage()} (other work on the machine makes absolute figures drift; the ratios are same-run).");
            return 0;
        }
        finally
        {
            if (!settings.Keep)
            {
                Directory.Delete(settings.WorkDirectory, recursive: true);
            }
        }
    }

    private static int Generate(string directory, int divisor)
    {
        var set = new ManifestGenerator(WorkloadPlan.Full.Scaled(divisor)).Write(directory);
        Console.WriteLine($"{set.Resources:N0} resources in {set.Files:N0} files, {set.Bytes:N0} bytes, under {set.Directory}");
        return 0;
    }

    private static int GenerateSnapshot(string file, int divisor)
    {
        var generator = new SnapshotGenerator(5_000 / divisor, 30);
        var bytes = generator.Write(file);
        Console.WriteLine($"{generator.Nodes:N0} nodes, {generator.Pods:N0} pods, {bytes:N0} bytes in {file}");
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'", nameof(args));
            }

            var takesValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[args[i]] = takesValue ? args[++i] : string.Empty;
        }

        return options;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine("Hostnet.Bench: " + problem);
        return 2;
    }
}
