using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;
using Hostnet.Core.Runs;

namespace Hostnet.Cli.Commands;

/// <summary><c>hostnet ports [--cluster FILE|-] [PATH…]</c>: the host-port map of a cluster, or the ports free on it (docs/ports.md).</summary>
internal static class PortsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions
        {
            Paths = new Argument<string[]>("PATH") { Description = "Manifests whose workloads are added as if applied (files, folders or -)", Arity = ArgumentArity.ZeroOrMore },
            Cluster = CommonOptions.ClusterSnapshot("Cluster snapshot: kubectl get nodes,pods,namespaces,services -A -o json (or yaml, gzip), or - for standard input"),
            Format = CommonOptions.FormatOf("text", "json"),
            Config = CommonOptions.ConfigFile("Use this .hostnet.yaml (its reservedPorts count as held on every node) instead of searching upward"),
        };
        var node = new Option<string?>("--node") { Description = "Show only this node", HelpName = "NAME" };
        var free = new Option<string?>("--free") { Description = "List the ports of FROM-TO free on every node the manifests' workloads could run on (every node without manifests)", HelpName = "FROM-TO" };
        var protocol = ChoiceOption.Create("--protocol", "Only this protocol (with --free, the protocol looked for; default TCP)", "any", ["any", "TCP", "UDP", "SCTP"]);
        var command = new Command("ports", "Show which host ports are in use on each node, and by whom")
        {
            common.Paths, common.Cluster, node, free, protocol, common.Format, common.Config,
        };
        command.SetAction(result => Run(common.Read(result), result.GetValue(node), result.GetValue(free), result.GetRequiredValue(protocol), environment));
        return command;
    }

    private static int Run(RunRequest request, string? node, string? free, string protocol, CliEnvironment environment)
    {
        if (!HostPortQuery.TryParseFree(free, out var range, out var problem))
        {
            environment.Error.WriteLine($"hostnet: {problem}");
            return ExitCodes.Invalid;
        }

        if (RunInputs.Load(request, environment) is not { } run)
        {
            return ExitCodes.Invalid;
        }

        var loaded = ManifestInput.Load(request.Paths, environment, out var clean);
        if (!clean)
        {
            return ExitCodes.Invalid;
        }

        var objects = loaded.SelectMany(l => l.Documents).Select(ObjectReader.Read).OfType<KubeObject>().ToList();
        var answer = HostPortQuery.Answer(run.Cluster ?? ClusterSnapshot.Empty, objects, run.Options, node, protocol, range);
        if (answer.Notice is { } notice)
        {
            environment.Error.WriteLine($"hostnet: {notice}");
        }

        if (answer is not { Map: { } map, Problem: null })
        {
            environment.Error.WriteLine($"hostnet: {answer.Problem}");
            return ExitCodes.Invalid;
        }

        PortMapWriter.Write(map, answer.Free, request.Format, environment.Output);
        return ExitCodes.Success;
    }
}
