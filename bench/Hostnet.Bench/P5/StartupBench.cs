using System.Globalization;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P5;

/// <summary>
/// P5: wall time of <c>hostnet check</c> on one small file, as a child process, for the framework-dependent
/// Release build and a ReadyToRun publish, with JIT settings varied, beside a trivial program on the same runtime
/// and <c>kubectl version --client</c>. Cases take turns, round by round, after warm-up rounds.
/// </summary>
internal static class StartupBench
{
    private const double TargetMilliseconds = 150;

    private const string SmallFile = """
        # A node agent: one small DaemonSet on the host network.
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-exporter
          namespace: monitoring
          labels:
            app.kubernetes.io/name: node-exporter
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: node-exporter
          template:
            metadata:
              labels:
                app.kubernetes.io/name: node-exporter
            spec:
              hostNetwork: true
              hostPID: true
              containers:
                - name: node-exporter
                  image: quay.io/prometheus/node-exporter:v1.8.2
                  args: ["--web.listen-address=:9100", "--path.rootfs=/host"]
                  ports:
                    - name: metrics
                      containerPort: 9100
                  readinessProbe:
                    httpGet:
                      path: /
                      port: 9100
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}

        """;

    public static void Run(BenchSettings settings, TextWriter report, TextWriter progress)
    {
        var folder = Path.Combine(settings.WorkDirectory, "p5");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "daemonset.yaml");
        File.WriteAllText(file, SmallFile);

        var cases = Cases(settings, file).ToList();
        var warmUps = 3;
        var runs = settings.Quick ? 5 : 20;
        progress.WriteLine($"P5: {cases.Count} cases, {warmUps} warm-up rounds and {runs} timed rounds …");
        var times = cases.ToDictionary(c => c, _ => new List<double>());
        for (var round = 0; round < warmUps + runs; round++)
        {
            foreach (var startup in cases)
            {
                var result = ChildProcess.Run(startup.Program, startup.Arguments, startup.Environment, folder);
                if (!startup.ExitCodes.Contains(result.ExitCode))
                {
                    throw new InvalidOperationException($"{startup.Label} exited {result.ExitCode}: {result.Error}{result.Output}");
                }

                if (round >= warmUps)
                {
                    times[startup].Add(result.WallMilliseconds);
                }
            }
        }

        Print(settings, cases, times, report);
    }

    private static IEnumerable<StartupCase> Cases(BenchSettings settings, string file)
    {
        var none = new Dictionary<string, string>();
        var hello = Path.Combine(AppContext.BaseDirectory, "Hostnet.Bench");
        yield return File.Exists(hello)
            ? new StartupCase("same runtime, trivial program (`Hostnet.Bench --hello`, apphost)", hello, ["--hello"], none, [0])
            : new StartupCase("same runtime, trivial program (`dotnet Hostnet.Bench.dll --hello`)", "dotnet", [Path.Combine(AppContext.BaseDirectory, "Hostnet.Bench.dll"), "--hello"], none, [0]);

        if (File.Exists(settings.Cli))
        {
            yield return new StartupCase("Release build: `hostnet --version`", settings.Cli, ["--version"], none, [0]);
            yield return new StartupCase("Release build: `hostnet check FILE`", settings.Cli, ["check", file], none, [0, 1]);
            yield return new StartupCase("Release build: `hostnet check FILE`, DOTNET_TieredPGO=0", settings.Cli, ["check", file], Variables("DOTNET_TieredPGO", "0"), [0, 1]);
            yield return new StartupCase("Release build: `hostnet check FILE`, DOTNET_TieredCompilation=0", settings.Cli, ["check", file], Variables("DOTNET_TieredCompilation", "0"), [0, 1]);
        }

        if (settings.ReadyToRun is { } r2r && File.Exists(Path.Combine(r2r, "hostnet")))
        {
            var program = Path.Combine(r2r, "hostnet");
            yield return new StartupCase("ReadyToRun publish: `hostnet --version`", program, ["--version"], none, [0]);
            yield return new StartupCase("ReadyToRun publish: `hostnet check FILE`", program, ["check", file], none, [0, 1]);
            yield return new StartupCase("ReadyToRun publish: `hostnet check FILE`, DOTNET_TieredPGO=0", program, ["check", file], Variables("DOTNET_TieredPGO", "0"), [0, 1]);
            yield return new StartupCase("ReadyToRun publish: `hostnet check FILE`, DOTNET_TC_QuickJitForLoops=0", program, ["check", file], Variables("DOTNET_TC_QuickJitForLoops", "0"), [0, 1]);
        }

        if (settings.NativeAot is { } aot && File.Exists(Path.Combine(aot, "hostnet")))
        {
            var program = Path.Combine(aot, "hostnet");
            yield return new StartupCase("NativeAOT publish: `hostnet --version`", program, ["--version"], none, [0]);
            yield return new StartupCase("NativeAOT publish: `hostnet check FILE`", program, ["check", file], none, [0, 1]);
        }

        if (ChildProcess.OnPath("kubectl") is { } kubectl)
        {
            yield return new StartupCase("`kubectl version --client`", kubectl, ["version", "--client"], none, [0]);
        }
    }

    private static Dictionary<string, string> Variables(string name, string value) => new() { [name] = value };

    private static void Print(BenchSettings settings, List<StartupCase> cases, Dictionary<StartupCase, List<double>> times, TextWriter report)
    {
        report.WriteLine("## P5: start-up");
        report.WriteLine();
        report.WriteLine("Wall time from spawn to exit of a child process (output captured through pipes), on one small file");
        report.WriteLine($"(a 30-line host-network DaemonSet). Cases take turns round by round: 3 warm-up rounds, then {times.Values.First().Count} timed rounds.");
        report.WriteLine();
        var baseline = new Samples(times[cases[0]]).Median;
        var table = new MarkdownTable("what", "median", "min", "max", "÷ trivial program");
        foreach (var startup in cases)
        {
            var samples = new Samples(times[startup]);
            table.Row(startup.Label, Format.Milliseconds(samples.Median), Format.Milliseconds(samples.Min), Format.Milliseconds(samples.Max), Format.Ratio(samples.Median / baseline));
        }

        report.Write(table);
        report.WriteLine();
        if (ChildProcess.OnPath("kubectl") is null)
        {
            report.WriteLine("kubectl: not on PATH, so `kubectl version --client` was not measured.");
        }
        else
        {
            var version = ChildProcess.Run(ChildProcess.OnPath("kubectl")!, ["version", "--client"]).Output.Split('\n')[0];
            report.WriteLine($"kubectl on PATH: {ChildProcess.OnPath("kubectl")} ({version.Trim()}).");
        }

        if (settings.ReadyToRun is null)
        {
            report.WriteLine("ReadyToRun: not measured (bench/run.sh publishes it and passes --r2r DIR).");
        }
        else
        {
            report.WriteLine($"ReadyToRun publish: `dotnet publish src/Hostnet.Cli -c Release -r linux-x64 --self-contained false` (Hostnet.Cli.csproj turns PublishReadyToRun on whenever a runtime identifier is given); assembly sizes {AssemblySizes(settings.ReadyToRun)} vs Release build {AssemblySizes(Path.GetDirectoryName(settings.Cli)!)}.");
        }

        if (settings.NativeAot is null)
        {
            report.WriteLine("NativeAOT: not measured (bench/run.sh publishes it and passes --aot DIR).");
        }
        else
        {
            var binary = new FileInfo(Path.Combine(settings.NativeAot, "hostnet"));
            report.WriteLine($"NativeAOT publish: `dotnet publish src/Hostnet.Cli -c Release -r linux-x64 -p:PublishAot=true`, one native file of {(binary.Exists ? binary.Length / (1024 * 1024) : 0)} MiB (no runtime to start, no JIT); bench/aot-parity.sh checked that it prints what the Release build prints.");
        }

        report.WriteLine();
        var best = cases.Where(c => c.Label.Contains("check FILE`", StringComparison.Ordinal) && !c.Label.Contains("DOTNET_", StringComparison.Ordinal))
            .Select(c => (c.Label, Median: new Samples(times[c]).Median))
            .OrderBy(c => c.Median)
            .FirstOrDefault();
        if (best.Label is not null)
        {
            report.WriteLine($"P5 target ≤ {Format.Fixed(TargetMilliseconds, 0)} ms wall for `hostnet check` of one small file: {Format.Milliseconds(best.Median)} ({best.Label}) — {(best.Median <= TargetMilliseconds ? "**met**" : "**missed**")}");
            report.WriteLine();
        }
    }

    private static string AssemblySizes(string folder)
    {
        var names = new[] { "hostnet.dll", "Hostnet.Core.dll", "YamlDotNet.dll", "System.CommandLine.dll" };
        return string.Join(", ", names.Select(n => Path.Combine(folder, n))
            .Where(File.Exists)
            .Select(p => Path.GetFileName(p) + " " + (new FileInfo(p).Length / 1024).ToString(CultureInfo.InvariantCulture) + " KiB"));
    }
}
