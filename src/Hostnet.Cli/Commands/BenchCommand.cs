using System.CommandLine;
using Hostnet.Cli.Commands.Bench;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Host;
using Hostnet.NetBench.Measurement;
using Hostnet.NetBench.Results;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet bench</c>: builds host, host-network, pod and Service datapaths between two "nodes" made of network
/// namespaces, measures throughput, latency and CPU through each, and prints them beside the host baseline with their
/// spread (docs/bench.md). <c>bench serve</c> and <c>bench client</c> run the same measurements between real pods.
/// </summary>
internal static class BenchCommand
{
    public const string NeedsRootMessage = "hostnet bench: needs root (it creates network namespaces, veth pairs and iptables rules); run it with sudo";

    public static Command Create(CliEnvironment environment)
    {
        var options = new BenchOptions();
        var modes = new Option<string[]>("--modes")
        {
            Description = $"Datapaths to measure, comma-separated (default all: {BenchModeNames.Names(",")})",
            HelpName = "MODE,…",
            AllowMultipleArgumentsPerToken = true,
        };
        var noPin = new Option<bool>("--no-pin")
        {
            Description = "Leave the engines' CPUs to the scheduler (default with 2 or more CPUs: receivers on one CPU, senders on another, as iperf3 -A)",
        };
        var command = new Command("bench", "Measure what host networking buys on this node against pod networking (root)")
        {
            modes,
            noPin,
            BenchServeCommand.Create(environment),
            BenchClientCommand.Create(environment),
        };
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            foreach (var word in BenchModeNames.Words(result.GetValue(modes) ?? []))
            {
                if (!BenchModeNames.TryParse(word, out _))
                {
                    result.AddError($"--modes: unknown mode '{word}' (choose from {BenchModeNames.Names(", ")})");
                }
            }
        });
        command.SetAction(result =>
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

            var settings = new BenchSettings(
                BenchModeNames.Chosen(BenchModeNames.Words(result.GetValue(modes) ?? [])),
                duration,
                options.RepeatOf(result),
                options.StreamsOf(result),
                engine,
                result.GetValue(noPin) ? null : CpuPinning.Choose());
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
        });
        return command;
    }
}
