using System.CommandLine;
using Hostnet.Agent;
using Hostnet.Cli.Input;
using Hostnet.Core.Configuration;
using Hostnet.Core.NodeState;
using Hostnet.Core.Reporting;
using Hostnet.Kube.Http;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet agent --once [--node NAME] [--cluster FILE|-] [--format text|json] [--proc-root DIR] [--grace 60s]</c>:
/// what really listens on this node, whose it is, and the node rules HN060–HN063 (docs/agent.md). Without
/// <c>--cluster</c> it reads the pods from the API server of the kubeconfig context, or in-cluster.
/// </summary>
internal static class AgentCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var once = new Option<bool>("--once") { Description = "Scan once, print the report and exit (the only mode of this version)" };
        var node = new Option<string?>("--node") { Description = "The node's name as the API knows it (default: NODE_NAME, then the host name)", HelpName = "NAME" };
        var cluster = new Option<string?>("--cluster") { Description = "Read the pods from this snapshot (hostnet snapshot, kubectl get pods -A -o json; - for standard input) instead of the API", HelpName = "FILE|-" };
        var format = ChoiceOption.Create("--format", "Output format", "text", ["text", "json"], "-f");
        var procRoot = new Option<string>("--proc-root") { Description = "The /proc to read (a recorded copy for tests)", DefaultValueFactory = _ => ProcFileSystem.DefaultRoot, HelpName = "DIR" };
        var grace = new Option<string>("--grace") { Description = "How long a container may take to open its declared ports (HN061)", DefaultValueFactory = _ => "60s", HelpName = "DURATION" };
        var failOn = ChoiceOption.Create("--fail-on", "Exit 1 when a finding is at or above this severity", "error", ["error", "warning", "info", "none"]);
        var kube = new KubeOptions();
        var command = new Command("agent", "List what listens on this node, whose it is, and what will clash")
        {
            once, node, cluster, format, procRoot, grace, failOn,
        };
        kube.AddTo(command);
        NameOption.MustBeSubdomains(node);
        command.SetAction((result, cancellationToken) => RunAsync(
            new AgentRequest(
                result.GetValue(once),
                result.GetValue(node),
                result.GetValue(cluster),
                result.GetRequiredValue(format),
                result.GetRequiredValue(procRoot),
                result.GetRequiredValue(grace),
                result.GetRequiredValue(failOn),
                () => kube.Client(result, environment)),
            environment,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AgentRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (!request.Once)
        {
            environment.Error.WriteLine("hostnet: agent needs --once: the DaemonSet mode (--listen, --interval) is not part of this version");
            return ExitCodes.Invalid;
        }

        // kubectl's duration forms, as --request-timeout takes them; 0 is no grace at all.
        if (GoDuration.ParseTimeout(request.Grace) is not { } parsed)
        {
            environment.Error.WriteLine($"hostnet: --grace must be a duration like 60s, 2m or 1m30s, not '{request.Grace}'");
            return ExitCodes.Invalid;
        }

        var grace = parsed == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : parsed;
        var proc = new ProcFileSystem(Path.GetFullPath(request.ProcRoot, environment.WorkingDirectory));
        if (!Directory.Exists(proc.Root))
        {
            environment.Error.WriteLine($"hostnet: --proc-root {request.ProcRoot}: no such directory");
            return ExitCodes.Invalid;
        }

        var snapshot = request.Cluster is not null
            ? ClusterInput.Load(request.Cluster, environment)
            : await LiveSnapshot.ReadOrReportAsync(request.Client, environment, showProgress: false, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return ExitCodes.Invalid;
        }

        var nodeName = request.Node ?? environment.GetEnvironmentVariable("NODE_NAME") ?? Environment.MachineName;
        var scan = new NodeScanner(proc).Scan();
        var view = NodeView.Build(scan, new NodePods(nodeName, snapshot.Pods), TimeProvider.System.GetUtcNow(), grace);
        var report = NodeAnalyzer.Analyze(view);
        if (request.Format == "json")
        {
            NodeReportJsonWriter.Write(report, environment.Output);
        }
        else
        {
            NodeReportTextWriter.Write(report, environment.Output);
        }

        return RunRequest.ThresholdOf(request.FailOn) is { } threshold && report.Fails(threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private sealed record AgentRequest(
        bool Once,
        string? Node,
        string? Cluster,
        string Format,
        string ProcRoot,
        string Grace,
        string FailOn,
        Func<KubeApiClient> Client);
}
