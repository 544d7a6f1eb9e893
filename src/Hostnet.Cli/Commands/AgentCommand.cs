using System.CommandLine;
using System.Net;
using Hostnet.Agent;
using Hostnet.Agent.Daemon;
using Hostnet.Cli.Input;
using Hostnet.Core.Configuration;
using Hostnet.Core.NodeState;
using Hostnet.Core.Reporting;
using Hostnet.Core.Runs;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;
using Hostnet.Kube.Watching;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet agent --once [--node NAME] [--cluster FILE|-] [--format text|json] [--proc-root DIR] [--grace 60s]</c>:
/// what really listens on this node, whose it is, and the node rules HN060–HN063 (docs/agent.md). Without
/// <c>--cluster</c> it reads the pods from the API server of the kubeconfig context, or in-cluster.
/// <para>
/// Without <c>--once</c> it is the DaemonSet: <c>hostnet agent [--listen ADDR] [--interval 30s]</c> watches the pods of
/// its node, rescans on every change and every interval, serves <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c>, and
/// writes an Event on the pod of each new finding.
/// </para>
/// </summary>
internal static class AgentCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var once = new Option<bool>("--once") { Description = "Scan once, print the report and exit (without it: the DaemonSet, serving metrics)" };
        var listen = new Option<string>("--listen") { Description = "DaemonSet: address and port of /metrics, /healthz and /readyz, e.g. :9477 or 127.0.0.1:9477", DefaultValueFactory = _ => DefaultListen, HelpName = "ADDR" };
        var interval = new Option<string>("--interval") { Description = "DaemonSet: how often to scan when no pod changes", DefaultValueFactory = _ => "30s", HelpName = "DURATION" };
        var node = new Option<string?>("--node") { Description = "The node's name as the API knows it (default: NODE_NAME, then the host name)", HelpName = "NAME" };
        var cluster = new Option<string?>("--cluster") { Description = "Read the pods from this snapshot (hostnet snapshot, kubectl get pods -A -o json; - for standard input) instead of the API", HelpName = "FILE|-" };
        var format = ChoiceOption.Create("--format", "Output format", "text", ["text", "json"], "-f");
        var procRoot = new Option<string>("--proc-root") { Description = "The /proc to read (a recorded copy for tests)", DefaultValueFactory = _ => ProcFileSystem.DefaultRoot, HelpName = "DIR" };
        var grace = new Option<string>("--grace") { Description = "How long a container may take to open its declared ports (HN061)", DefaultValueFactory = _ => "60s", HelpName = "DURATION" };
        var failOn = ChoiceOption.Create("--fail-on", "Exit 1 when a finding is at or above this severity", "error", ["error", "warning", "info", "none"]);
        var kube = new KubeOptions();
        var command = new Command("agent", "List what listens on this node, whose it is, and what will clash")
        {
            once, node, cluster, format, procRoot, grace, failOn, listen, interval,
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
                result.GetRequiredValue(listen),
                result.GetRequiredValue(interval),
                () => kube.Client(result, environment)),
            environment,
            cancellationToken));
        return command;
    }

    /// <summary>The agent's port on the node: beside the exporters' 91xx ports, in no list of well-known node ports.</summary>
    public const string DefaultListen = ":9477";

    private static async Task<int> RunAsync(AgentRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
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

        var nodeName = request.Node ?? environment.GetEnvironmentVariable("NODE_NAME") ?? Environment.MachineName;
        if (!request.Once)
        {
            return await RunDaemonAsync(request, new AgentDaemonOptions(nodeName, TimeSpan.Zero, grace, TimeProvider.System), proc, environment, cancellationToken)
                .ConfigureAwait(false);
        }

        var snapshot = request.Cluster is not null
            ? ClusterInput.Load(request.Cluster, environment)
            : await LiveSnapshot.ReadOrReportAsync(request.Client, environment, showProgress: false, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return ExitCodes.Invalid;
        }

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

    /// <summary>The DaemonSet: the pod watch, the scan loop and the HTTP endpoints, until the process is stopped.</summary>
    private static async Task<int> RunDaemonAsync(AgentRequest request, AgentDaemonOptions options, ProcFileSystem proc, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (GoDuration.ParseTimeout(request.Interval) is not { } interval || interval == Timeout.InfiniteTimeSpan)
        {
            environment.Error.WriteLine($"hostnet: --interval must be a duration like 30s, 2m or 1m30s, not '{request.Interval}'");
            return ExitCodes.Invalid;
        }

        if (!WebhookCommand.TryParseListen(request.Listen, out var listen))
        {
            environment.Error.WriteLine($"hostnet: --listen must look like :9477, 0.0.0.0:9477 or [::]:9477, not '{request.Listen}'");
            return ExitCodes.Invalid;
        }

        if (request.Cluster is not null)
        {
            environment.Error.WriteLine("hostnet: --cluster needs --once: the DaemonSet watches the API server's pods");
            return ExitCodes.Invalid;
        }

        KubeApiClient client;
        try
        {
            client = request.Client();
        }
        catch (KubeConfigException error)
        {
            environment.Error.WriteLine($"hostnet: {error.Message}");
            return ExitCodes.Invalid;
        }

        using (client)
        {
            return await ServeAsync(client, listen, options with { Interval = interval }, proc, environment.Error, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the agent against <paramref name="client"/> until <paramref name="cancellationToken"/> is cancelled;
    /// <paramref name="listening"/> gets the endpoints' base address once they answer.
    /// </summary>
    internal static async Task<int> ServeAsync(
        KubeApiClient client, IPEndPoint listen, AgentDaemonOptions options, ProcFileSystem proc, TextWriter output, CancellationToken cancellationToken, Action<Uri>? listening = null)
    {
        var log = TextWriter.Synchronized(output);
        var metrics = new AgentMetrics();
        var pods = new NodePodStore();
        var events = new FindingEventRecorder(
            (method, path, contentType, json, token) => client.WriteAsync(method, path, new ApiBody(contentType, json), token),
            options.Node,
            metrics,
            log,
            options.TimeProvider);
        var daemon = new AgentDaemon(new NodeScanner(proc), pods, options, metrics, events, log);
        var failures = new OnceLog(log);
        var watcher = new ResourceWatcher(
            client, "/api/v1/pods", "spec.nodeName=" + options.Node, pods.Replace, pods.Upsert, pods.Delete,
            error => failures.Write($"hostnet agent: the watch of the pods of node {options.Node} failed (retrying with backoff): {error.Message}"),
            options.TimeProvider);
        AgentServer server;
        try
        {
            server = await AgentServer.StartAsync(listen, daemon, metrics, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            log.WriteLine($"hostnet: cannot listen on {listen}: {error.Message}");
            return ExitCodes.Invalid;
        }

        await using (server.ConfigureAwait(false))
        {
            log.WriteLine($"hostnet agent: node {options.Node}, scanning every {options.Interval.TotalSeconds:0.###}s, serving {server.Url}metrics");
            listening?.Invoke(server.Url);
            await Task.WhenAll(watcher.RunAsync(cancellationToken), daemon.RunAsync(cancellationToken)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private sealed record AgentRequest(
        bool Once,
        string? Node,
        string? Cluster,
        string Format,
        string ProcRoot,
        string Grace,
        string FailOn,
        string Listen,
        string Interval,
        Func<KubeApiClient> Client);
}
