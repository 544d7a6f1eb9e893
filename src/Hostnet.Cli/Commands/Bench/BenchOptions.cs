using System.CommandLine;
using Hostnet.Core.Configuration;
using Hostnet.NetBench.Measurement;
using Hostnet.NetBench.Rendering;
using Hostnet.NetBench.Results;

namespace Hostnet.Cli.Commands.Bench;

/// <summary>The options <c>hostnet bench</c> and <c>hostnet bench client</c> share, and how both print a report.</summary>
internal sealed class BenchOptions
{
    public Option<string> Duration { get; } = new("--duration") { Description = "How long each test runs: 10s, 500ms, 1m (iperf3 rounds to whole seconds)", DefaultValueFactory = _ => "10s", HelpName = "TIME" };

    private const int DefaultRepeat = 5;

    public Option<int?> Repeat { get; } = NumberOption.Create("--repeat", $"How many runs each figure is the median of (default {DefaultRepeat})", 1, 1000);

    public Option<int?> Streams { get; } = NumberOption.Create("--streams", "Parallel streams for the second throughput test (default 1: single stream only)", 1, 128);

    public Option<string> Engine { get; } = ChoiceOption.Create("--engine", "What measures throughput (auto: iperf3 when installed)", "auto", ["auto", "iperf3", "hostnet"]);

    public Option<string> Format { get; } = CommonOptions.FormatOf("text", "json");

    public Option<string?> Svg { get; } = new("--svg") { Description = "Also draw the results with their spread as an SVG file", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Duration, Repeat, Streams, Engine, Format, Svg })
        {
            command.Options.Add(option);
        }

        // Checked before the datapaths are built: a run of minutes must not end on a report it cannot write.
        Svg.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string?>() ?? string.Empty;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (path.Length == 0 || Directory.Exists(path) || folder is null || !Directory.Exists(folder))
            {
                result.AddError($"--svg: cannot write '{path}' (its folder does not exist, or it is a folder)");
            }
        });
        Duration.Validators.Add(result =>
        {
            if (GoDuration.ParseRunTime(result.GetValueOrDefault<string>() ?? "") is null)
            {
                result.AddError($"--duration must look like 10s, 500ms or 1m, not '{result.GetValueOrDefault<string>()}'");
            }
        });
    }

    public int RepeatOf(ParseResult result) => result.GetValue(Repeat) ?? DefaultRepeat;

    public int StreamsOf(ParseResult result) => result.GetValue(Streams) ?? 1;

    public TimeSpan DurationOf(ParseResult result)
    {
        // The validator has rejected what does not parse.
        return GoDuration.ParseRunTime(result.GetRequiredValue(Duration)) ?? TimeSpan.Zero;
    }

    /// <summary>The engine asked for, or null with a reason when it cannot run here.</summary>
    public ThroughputEngine? EngineOf(ParseResult result, TimeSpan duration, out string? problem)
    {
        problem = null;
        var word = result.GetRequiredValue(Engine);
        if (word == "hostnet" || (word == "auto" && !Iperf3.IsInstalled()))
        {
            return ThroughputEngine.Hostnet;
        }

        if (!Iperf3.IsInstalled())
        {
            problem = "--engine iperf3: iperf3 is not installed (Debian: apt-get install -y iperf3)";
            return null;
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            problem = "--engine iperf3 runs whole seconds: give --duration 1s or more, or --engine hostnet";
            return null;
        }

        return ThroughputEngine.Iperf3;
    }

    /// <summary>Prints the report in the chosen format and writes the SVG when asked.</summary>
    public int Print(BenchReport report, ParseResult result, CliEnvironment environment)
    {
        environment.Output.Write(result.GetRequiredValue(Format) == "json" ? BenchJsonWriter.Render(report) : BenchTextWriter.Render(report));
        if (result.GetValue(Svg) is { } svg)
        {
            File.WriteAllText(Path.Combine(environment.WorkingDirectory, svg), BenchSvgWriter.Render(report));
        }

        return ExitCodes.Success;
    }
}
