using System.Net;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;
using Hostnet.Kube.Watching;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// The DaemonSet's wiring: the watch of the node's pods (<see cref="ResourceWatcher"/> into a <see cref="NodePodStore"/>),
/// the scan loop (<see cref="AgentDaemon"/>), the Events (<see cref="FindingEventRecorder"/>) and the endpoints
/// (<see cref="AgentServer"/>), all on one API client, until the process is stopped.
/// </summary>
public static class AgentHost
{
    /// <summary>
    /// Runs the agent on the API client <paramref name="connect"/> makes (kubeconfig or the pod's service account), which
    /// it disposes when stopped. False when the client cannot be made (the reason written to <paramref name="output"/>)
    /// or the endpoints cannot listen.
    /// </summary>
    public static async Task<bool> ServeAsync(
        Func<KubeApiClient> connect, IPEndPoint listen, AgentDaemonOptions options, ProcFileSystem proc, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(output);
        KubeApiClient client;
        try
        {
            client = connect();
        }
        catch (KubeConfigException error)
        {
            output.WriteLine($"hostnet: {error.Message}");
            return false;
        }

        using (client)
        {
            return await ServeAsync(client, listen, options, proc, output, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the agent against <paramref name="client"/> until <paramref name="cancellationToken"/> is cancelled;
    /// <paramref name="listening"/> gets the endpoints' base address once they answer. False when it cannot listen.
    /// </summary>
    public static async Task<bool> ServeAsync(
        KubeApiClient client, IPEndPoint listen, AgentDaemonOptions options, ProcFileSystem proc, TextWriter output, CancellationToken cancellationToken, Action<Uri>? listening = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var log = TextWriter.Synchronized(output);
        var metrics = new AgentMetrics();
        var pods = new NodePodStore();
        var events = new FindingEventRecorder(
            (method, path, contentType, json, token) => client.WriteAsync(method, path, new ApiBody(contentType, json), token),
            options.Node,
            metrics,
            log,
            options.TimeProvider);
        var daemon = new AgentDaemon(new NodeScanner(proc).Scan, pods, options, metrics, events, log);
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
            return false;
        }

        await using (server.ConfigureAwait(false))
        {
            log.WriteLine($"hostnet agent: node {options.Node}, scanning every {options.Interval.TotalSeconds:0.###}s, serving {server.Url}metrics");
            listening?.Invoke(server.Url);
            await Task.WhenAll(watcher.RunAsync(cancellationToken), daemon.RunAsync(cancellationToken)).ConfigureAwait(false);
        }

        return true;
    }
}
