using System.CommandLine;
using System.Globalization;
using Hostnet.Cli.Input;
using Hostnet.Core.Analysis;
using Hostnet.Core.Cluster;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;

namespace Hostnet.Cli.Commands;

/// <summary><c>hostnet ports [--cluster FILE|-] [PATH…]</c>: the host-port map of a cluster, or the ports free on it (docs/ports.md).</summary>
internal static class PortsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Manifests whose workloads are added as if applied (files, folders or -)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var cluster = new Option<string?>("--cluster") { Description = "Cluster snapshot: kubectl get nodes,pods,namespaces,services -A -o json (or yaml, gzip), or - for standard input", HelpName = "FILE|-" };
        var node = new Option<string?>("--node") { Description = "Show only this node", HelpName = "NAME" };
        var free = new Option<string?>("--free") { Description = "List the ports of FROM-TO free on every node the manifests' workloads could run on (every node without manifests)", HelpName = "FROM-TO" };
        var protocol = ChoiceOption.Create("--protocol", "Only this protocol (with --free, the protocol looked for; default TCP)", "any", ["any", "TCP", "UDP", "SCTP"]);
        var format = ChoiceOption.Create("--format", "Output format", "text", ["text", "json"], "-f");
        var config = new Option<string?>("--config") { Description = "Use this .hostnet.yaml (its reservedPorts count as held on every node) instead of searching upward", HelpName = "FILE" };
        var command = new Command("ports", "Show which host ports are in use on each node, and by whom")
        {
            paths, cluster, node, free, protocol, format, config,
        };
        command.SetAction(result => Run(
            new PortsRequest(
                result.GetValue(paths) ?? [],
                result.GetValue(cluster),
                result.GetValue(node),
                result.GetValue(free),
                result.GetRequiredValue(protocol),
                result.GetRequiredValue(format),
                result.GetValue(config)),
            environment));
        return command;
    }

    private static int Run(PortsRequest request, CliEnvironment environment)
    {
        (int From, int To)? range = null;
        if (request.Free is not null)
        {
            if (ParseRange(request.Free) is not { } parsed)
            {
                environment.Error.WriteLine($"hostnet: --free must be a port range like 7000-8000 within 1-65535, not '{request.Free}'");
                return ExitCodes.Invalid;
            }

            range = parsed;
        }

        if (AnalysisOptionsLoader.Load(request.ConfigPath, kubeVersion: null, environment) is not { } options)
        {
            return ExitCodes.Invalid;
        }

        var snapshot = ClusterSnapshot.Empty;
        if (request.Cluster is not null)
        {
            if (ClusterInput.Load(request.Cluster, environment) is not { } loaded)
            {
                return ExitCodes.Invalid;
            }

            snapshot = loaded;
        }

        return Run(request, range, snapshot, options, environment);
    }

    private static int Run(PortsRequest request, (int From, int To)? range, ClusterSnapshot snapshot, AnalysisOptions options, CliEnvironment environment)
    {
        var workloads = new List<Workload>();
        var manifestNodes = new List<Node>();
        if (request.Paths.Length > 0 && !LoadManifests(request.Paths, environment, workloads, manifestNodes))
        {
            return ExitCodes.Invalid;
        }

        if (snapshot.Nodes.Count == 0)
        {
            snapshot = snapshot with { Nodes = manifestNodes.Count > 0 ? manifestNodes : [DefaultNode] };
            if (manifestNodes.Count == 0)
            {
                environment.Error.WriteLine($"hostnet: no --cluster and no Node in the manifests: showing one empty worker node named {DefaultNode.Name}");
            }
        }

        if (request.Node is not null && snapshot.Nodes.All(n => n.Name != request.Node))
        {
            environment.Error.WriteLine($"hostnet: --node {request.Node}: no such node in the cluster");
            return ExitCodes.Invalid;
        }

        var version = snapshot.ServerVersion ?? options.KubeVersion;
        var planOptions = new PlanOptions(version, options.DefaultNamespace, options.ExtraReservedPorts);
        var map = PortMapBuilder.Build(snapshot, range is null ? workloads : [], planOptions);
        map = Filter(map, request.Node, request.Protocol);
        FreePortQuery? freeQuery = null;
        if (range is { } wanted)
        {
            var protocol = request.Protocol == "any" ? "TCP" : request.Protocol;
            var nodes = FreePortCandidates.Nodes(new ClusterSimulation(snapshot.Nodes, snapshot.Pods, version, options.DefaultNamespace), workloads, request.Node);
            freeQuery = new FreePortQuery(protocol, wanted.From, wanted.To, nodes, FreePorts.Find(map, nodes, wanted.From, wanted.To, protocol));
        }

        if (request.Format == "json")
        {
            PortMapWriter.WriteJson(map, freeQuery, environment.Output);
        }
        else
        {
            PortMapWriter.WriteText(map, freeQuery, environment.Output);
        }

        return ExitCodes.Success;
    }

    private static Node DefaultNode { get; } = new(
        new ManifestDocument("(default)", new SourceMapping(SourcePosition.Start, []), "v1", "Node"),
        new ObjectMeta("node-1", null, new Dictionary<string, string>(), new Dictionary<string, string>()),
        false,
        [],
        new Dictionary<string, string>(),
        null,
        null);

    private static PortMap Filter(PortMap map, string? node, string protocol)
    {
        bool Keeps(PortUse use) => protocol == "any" || use.Covers(use.Port, protocol);
        return map with
        {
            EveryNode = [.. map.EveryNode.Where(Keeps)],
            Nodes = [.. map.Nodes.Where(n => node is null || n.Node == node).Select(n => n with { Ports = [.. n.Ports.Where(Keeps)] })],
        };
    }

    private static bool LoadManifests(string[] paths, CliEnvironment environment, List<Workload> workloads, List<Node> nodes)
    {
        var limits = LoaderLimits.Default;
        var (files, problems) = new InputCollector(environment, limits).Collect(paths);
        var loaded = new ManifestLoader(limits).LoadAll(files);
        problems.AddRange(loaded.SelectMany(l => l.Problems));
        foreach (var problem in problems)
        {
            environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
        }

        foreach (var read in loaded.SelectMany(l => l.Documents).Select(ObjectReader.Read))
        {
            if (read is Workload workload)
            {
                workloads.Add(workload);
            }
            else if (read is Node manifestNode)
            {
                nodes.Add(manifestNode);
            }
        }

        return problems.Count == 0;
    }

    private static (int From, int To)? ParseRange(string text)
    {
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || from < 1 || to > 65535 || from > to)
        {
            return null;
        }

        return (from, to);
    }

    private sealed record PortsRequest(string[] Paths, string? Cluster, string? Node, string? Free, string Protocol, string Format, string? ConfigPath);
}
