using System.CommandLine;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Host;
using Hostnet.NetBench.Measurement;
using Hostnet.NetBench.Results;

namespace Hostnet.Cli.Commands.Bench;

/// <summary>
/// <c>hostnet bench</c> on this node: builds the datapaths, measures them and prints the report. Ctrl+C or a step that
/// fails ends it in one line, and what it made is removed either way (<see cref="BenchRunner"/>).
/// </summary>
internal static class LocalBench
{
    public const string NeedsRootMessage = "hostnet bench: needs root (it creates network namespaces, veth pairs and iptables rules); run it with sudo";

    public static int Run(BenchOptions options, ParseResult result, IReadOnlyList<BenchMode> modes, bool noPin, CliEnvironment environment)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            environment.Error.WriteLine(NeedsRootMessage);
            return ExitCodes.Invalid;
        }

        var duration = options.DurationOf(result);
        if (options.EngineOf(result, duration, out var problem) is not { } engine)
        {
            environment.Error.WriteLine($"hostnet bench: {problem}");
            return ExitCodes.Invalid;
        }

        var settings = new BenchSettings(modes, duration, options.RepeatOf(result), options.StreamsOf(result), engine, noPin ? null : CpuPinning.Choose());
        using var interruption = new Interruption();
        try
        {
            var report = BenchRunner.Run(settings, HostnetWorker.Locate(), environment.Error, interruption.Token);
            return options.Print(report, result, environment);
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("hostnet bench: interrupted; the namespaces, links, routes, rules and cgroups it made are removed");
            return ExitCodes.Invalid;
        }
        catch (Exception e) when (e is HostCommandException or InvalidOperationException or FormatException or IOException)
        {
            environment.Error.WriteLine($"hostnet bench: {e.Message}");
            return ExitCodes.Invalid;
        }
    }
}
