using System.Globalization;
using System.Text.Json;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P1;

/// <summary>One whole-process run under GNU time: wall from spawn to exit, user + system CPU of the process, peak RSS.</summary>
internal sealed record ProcessRun(double WallMilliseconds, double CpuMilliseconds, long MaxRssKilobytes, int ExitCode)
{
    /// <summary>How many cores the run kept busy on average (CPU ÷ wall): 1.0 is one core, 2.0 both of two.</summary>
    public double CoresUsed => CpuMilliseconds / WallMilliseconds;
}

/// <summary>
/// The shipped command as users run it, at one size: <c>hostnet check DIR --format json --output FILE --fail-on none</c>
/// for each build (the Release build on the JIT, the ReadyToRun publish, the NativeAOT publish), in turns with PyYAML's
/// C loader merely parsing the same files (<c>bench/pyyaml-parse.py</c>), so that each round gives a same-minute ratio.
/// </summary>
internal sealed record EndToEnd(IReadOnlyList<(string Build, List<ProcessRun> Runs)> Builds, List<ProcessRun> PyYaml, IReadOnlyDictionary<string, int> Findings)
{
    private const string GnuTime = "/usr/bin/time";

    public static EndToEnd? Measure(BenchSettings settings, string directory, int rounds)
    {
        if (!File.Exists(GnuTime))
        {
            return null;
        }

        var builds = ShippedBuilds(settings).ToList();
        var script = Path.Combine(BenchSettings.RepositoryRoot(), "bench", "pyyaml-parse.py");
        var python = ChildProcess.OnPath("python3");
        var withPyYaml = python is not null && ChildProcess.Run(python, ["-c", "import yaml; yaml.CLoader"]).ExitCode == 0;
        var runs = builds.Select(b => (b.Build, Runs: new List<ProcessRun>())).ToList();
        var pyYaml = new List<ProcessRun>();
        var findings = new Dictionary<string, int>();
        var report = Path.Combine(settings.WorkDirectory, "cli-report.json");
        for (var round = 0; round < rounds; round++)
        {
            // The order rotates every round, so drift on the shared machine hits every command alike.
            var order = Enumerable.Range(0, builds.Count + 1).Select(i => (i + round) % (builds.Count + 1));
            foreach (var which in order)
            {
                if (which == builds.Count)
                {
                    if (withPyYaml)
                    {
                        pyYaml.Add(Timed(settings, python!, [script, directory]));
                    }

                    continue;
                }

                File.Delete(report);
                runs[which].Runs.Add(Timed(settings, builds[which].Program, ["check", directory, "--format", "json", "--output", report, "--fail-on", "none"]));
                findings[builds[which].Build] = CountFindings(report);
            }
        }

        return new EndToEnd(runs, pyYaml, findings);
    }

    private static IEnumerable<(string Build, string Program)> ShippedBuilds(BenchSettings settings)
    {
        if (settings.NativeAot is { } aot && File.Exists(Path.Combine(aot, "hostnet")))
        {
            yield return ("NativeAOT publish (what `dotnet tool install` gives linux-x64)", Path.Combine(aot, "hostnet"));
        }

        if (settings.ReadyToRun is { } r2r && File.Exists(Path.Combine(r2r, "hostnet")))
        {
            yield return ("ReadyToRun publish (framework-dependent, other platforms)", Path.Combine(r2r, "hostnet"));
        }

        if (File.Exists(settings.Cli))
        {
            yield return ("Release build (JIT only)", settings.Cli);
        }
    }

    private static ProcessRun Timed(BenchSettings settings, string program, string[] arguments)
    {
        var timing = Path.Combine(settings.WorkDirectory, "time.txt");
        var result = ChildProcess.Run(GnuTime, ["-f", "%e %U %S %M", "-o", timing, program, .. arguments]);
        var figures = File.ReadAllText(timing).Trim().Split('\n')[^1].Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new ProcessRun(result.WallMilliseconds, (figures[1] + figures[2]) * 1000, (long)figures[3], result.ExitCode);
    }

    private static int CountFindings(string report)
    {
        if (!File.Exists(report))
        {
            return -1;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(report));
        return document.RootElement.GetProperty("diagnostics").GetArrayLength();
    }
}
