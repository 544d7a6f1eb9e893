using System.CommandLine;
using System.Net;
using Hostnet.Agent;
using Hostnet.Agent.Daemon;

namespace Hostnet.Cli.Commands;

/// <summary>The options of <c>hostnet agent</c> (docs/agent.md), in the order its help lists them.</summary>
internal sealed class AgentOptions
{
    /// <summary>The agent's port on the node: beside the exporters' 91xx ports, in no list of well-known node ports.</summary>
    public const string DefaultListen = ":9477";

    public AgentOptions() => NameOption.MustBeSubdomains(Node);

    public Option<bool> Once { get; } = new("--once") { Description = "Scan once, print the report and exit (without it: the DaemonSet, serving metrics)" };

    public Option<string?> Node { get; } = new("--node") { Description = "The node's name as the API knows it (default: NODE_NAME, then the host name)", HelpName = "NAME" };

    public Option<string?> Cluster { get; } = new("--cluster") { Description = "Read the pods from this snapshot (hostnet snapshot, kubectl get pods -A -o json; - for standard input) instead of the API", HelpName = "FILE|-" };

    public Option<string> Format { get; } = ChoiceOption.Create("--format", "Output format", "text", ["text", "json"], "-f");

    public Option<string> ProcRoot { get; } = new("--proc-root") { Description = "The /proc to read (a recorded copy for tests)", DefaultValueFactory = _ => ProcFileSystem.DefaultRoot, HelpName = "DIR" };

    public Option<string> Grace { get; } = new("--grace") { Description = "How long a container may take to open its declared ports (HN061)", DefaultValueFactory = _ => "60s", HelpName = "DURATION" };

    public Option<string> FailOn { get; } = ChoiceOption.Create("--fail-on", "Exit 1 when a finding is at or above this severity", "error", ["error", "warning", "info", "none"]);

    public Option<string> Listen { get; } = new("--listen") { Description = "DaemonSet: address and port of /metrics, /healthz and /readyz, e.g. :9477 or 127.0.0.1:9477", DefaultValueFactory = _ => DefaultListen, HelpName = "ADDR" };

    public Option<string> Interval { get; } = new("--interval") { Description = "DaemonSet: how often to scan when no pod changes", DefaultValueFactory = _ => "30s", HelpName = "DURATION" };

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Once, Node, Cluster, Format, ProcRoot, Grace, FailOn, Listen, Interval])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The DaemonSet's options and where it listens, or null after saying on the error stream why not (an interval or an
    /// address that does not parse; <c>--cluster</c>, which only <c>--once</c> reads).
    /// </summary>
    public (AgentDaemonOptions Options, IPEndPoint Listen)? Daemon(ParseResult result, AgentSettings settings, CliEnvironment environment)
    {
        if (settings.Daemon(result.GetRequiredValue(Interval), environment.Error) is not { } options)
        {
            return null;
        }

        var listen = result.GetRequiredValue(Listen);
        if (!CommonOptions.TryParseListen(listen, out var endpoint))
        {
            environment.Error.WriteLine($"hostnet: --listen must look like :9477, 0.0.0.0:9477 or [::]:9477, not '{listen}'");
            return null;
        }

        if (result.GetValue(Cluster) is not null)
        {
            environment.Error.WriteLine("hostnet: --cluster needs --once: the DaemonSet watches the API server's pods");
            return null;
        }

        return (options, endpoint);
    }

    /// <summary>The settings both modes read, or null after saying on the error stream why not.</summary>
    public AgentSettings? Settings(ParseResult result, CliEnvironment environment) => AgentSettings.Read(
        result.GetValue(Node), result.GetRequiredValue(ProcRoot), result.GetRequiredValue(Grace), environment.WorkingDirectory, environment.GetEnvironmentVariable, environment.Error);
}
