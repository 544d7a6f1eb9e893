using System.CommandLine;
using Hostnet.Cli.Commands.Bench;
using Hostnet.NetBench.Datapath;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet bench</c>: builds host, host-network, pod and Service datapaths between two "nodes" made of network
/// namespaces, measures throughput, latency and CPU through each, and prints them beside the host baseline with their
/// spread (docs/bench.md). <c>bench serve</c> and <c>bench client</c> run the same measurements between real pods.
/// </summary>
internal static class BenchCommand
{
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
        command.SetAction(result => LocalBench.Run(
            options, result, BenchModeNames.Chosen(BenchModeNames.Words(result.GetValue(modes) ?? [])), result.GetValue(noPin), environment));
        return command;
    }
}
