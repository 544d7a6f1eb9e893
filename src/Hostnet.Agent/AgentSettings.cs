using Hostnet.Agent.Daemon;
using Hostnet.Core.Configuration;
using Hostnet.Core.Model;
using Hostnet.Core.NodeState;

namespace Hostnet.Agent;

/// <summary>What <c>hostnet agent</c> was given that both modes read, checked: the node's name, the <c>/proc</c> and HN061's grace.</summary>
public sealed record AgentSettings(string Node, ProcFileSystem Proc, TimeSpan Grace)
{
    /// <summary>The settings, or null after saying on <paramref name="error"/> why not (one line, as every usage error).</summary>
    /// <param name="node"><c>--node</c>; without it <c>NODE_NAME</c> (the downward API's), then the host name.</param>
    public static AgentSettings? Read(string? node, string procRoot, string grace, string workingDirectory, Func<string, string?> environment, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(error);
        // kubectl's duration forms, as --request-timeout takes them; 0 is no grace at all.
        if (GoDuration.ParseTimeout(grace) is not { } parsed)
        {
            error.WriteLine($"hostnet: --grace must be a duration like 60s, 2m or 1m30s, not '{grace}'");
            return null;
        }

        var proc = new ProcFileSystem(Path.GetFullPath(procRoot, workingDirectory));
        if (!Directory.Exists(proc.Root))
        {
            error.WriteLine($"hostnet: --proc-root {procRoot}: no such directory");
            return null;
        }

        return new AgentSettings(node ?? environment("NODE_NAME") ?? Environment.MachineName, proc, parsed == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : parsed);
    }

    /// <summary>The DaemonSet's options, scanning every <paramref name="interval"/>; null after saying why not.</summary>
    public AgentDaemonOptions? Daemon(string interval, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (GoDuration.ParseTimeout(interval) is not { } parsed || parsed == Timeout.InfiniteTimeSpan)
        {
            error.WriteLine($"hostnet: --interval must be a duration like 30s, 2m or 1m30s, not '{interval}'");
            return null;
        }

        return new AgentDaemonOptions(Node, parsed, Grace, TimeProvider.System);
    }

    /// <summary>One scan of the node and the node rules on it, with <paramref name="pods"/> as the API's pods (<c>--once</c>).</summary>
    public NodeReport ScanOnce(IEnumerable<ClusterPod> pods) =>
        NodeScanner.Analyze(new NodeScanner(Proc).Scan(), new NodePods(Node, pods), TimeProvider.System.GetUtcNow(), Grace);
}
