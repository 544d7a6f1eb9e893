using System.Text;
using Hostnet.Core.NodeState;
using Prometheus;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// The agent's metrics in the Prometheus text exposition format (version 0.0.4), kept by prometheus-net in a registry
/// of their own as the webhook's are. The gauges say what the last scan saw; series of listeners and findings that
/// are gone are removed, so a fixed clash disappears from Prometheus instead of staying at its last value.
/// The exposition is rendered once after each scan and served as is until a value changes, so that a scrape costs a
/// copy of the text, not a walk over every series (docs/agent.md, "Scrape cost").
/// </summary>
public sealed class AgentMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>From a millisecond (a quiet node) to ten seconds (a node with tens of thousands of sockets on a busy CPU).</summary>
    private static readonly double[] ScanBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly CollectorRegistry _registry = new();
    private readonly Gauge _listeners;
    private readonly Gauge _findings;
    private readonly Histogram _scanDuration;
    private readonly Counter _scans;
    private readonly Counter _apiEvents;

    /// <summary>Counts the changes of any value; a rendering is current while it carries the count it was made at.</summary>
    private long _version;
    private Rendering? _rendering;

    public AgentMetrics()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(_registry);
        _listeners = factory.CreateGauge("hostnet_node_listeners", "Listening TCP and bound UDP sockets of the node's network namespace at the last scan, by protocol and owner kind.", "protocol", "owner_kind");
        _findings = factory.CreateGauge("hostnet_node_findings", "Unsilenced findings of the node rules (HN060-HN063) at the last scan, by rule and pod (empty for a node daemon).", "rule", "namespace", "pod");
        _scanDuration = factory.CreateHistogram("hostnet_agent_scan_duration_seconds", "Time of one scan: sockets, processes, pods and rules.", new HistogramConfiguration { Buckets = ScanBuckets });
        _scans = factory.CreateCounter("hostnet_agent_scans_total", "Scans of the node, by result (success or failure).", "result");
        _apiEvents = factory.CreateCounter("hostnet_agent_api_events_total", "Kubernetes Events the agent wrote or tried to, by result (created, patched, forbidden, failed).", "result");
        foreach (var result in (string[])["success", "failure"])
        {
            _scans.WithLabels(result);
        }

        foreach (var result in EventResults)
        {
            _apiEvents.WithLabels(result);
        }
    }

    /// <summary>The values of <c>hostnet_agent_api_events_total{result}</c>.</summary>
    public static IReadOnlyList<string> EventResults { get; } = ["created", "patched", "forbidden", "failed"];

    /// <summary>Records a successful scan: its listeners, its findings and its duration.</summary>
    public void RecordScan(NodeReport report, double seconds)
    {
        ArgumentNullException.ThrowIfNull(report);
        Replace(_listeners, report.Listeners
            .GroupBy(l => (l.Socket.Protocol.ToLowerInvariant(), OwnerKindLabel(l.Owner.Kind)))
            .ToDictionary(g => new[] { g.Key.Item1, g.Key.Item2 }, g => g.Count(), LabelsComparer.Instance));
        Replace(_findings, report.Findings
            .Where(f => !f.IsSuppressed)
            .GroupBy(f => (f.Rule.Id, f.Namespace ?? "", f.PodName ?? ""))
            .ToDictionary(g => new[] { g.Key.Id, g.Key.Item2, g.Key.Item3 }, g => g.Count(), LabelsComparer.Instance));
        _scanDuration.Observe(seconds);
        _scans.WithLabels("success").Inc();
        Interlocked.Increment(ref _version);
    }

    /// <summary>Records a scan that failed; the gauges keep the last good scan's values.</summary>
    public void RecordScanFailure(double seconds)
    {
        _scanDuration.Observe(seconds);
        _scans.WithLabels("failure").Inc();
        Interlocked.Increment(ref _version);
    }

    /// <summary>Counts an Event write by its result, one of <see cref="EventResults"/>.</summary>
    public void RecordEvent(string result)
    {
        _apiEvents.WithLabels(result).Inc();
        Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// The exposition (UTF-8, families in the order they were created): the last rendering while no value changed since,
    /// else a new one, kept for the next scrapes.
    /// </summary>
    public async Task<ReadOnlyMemory<byte>> RenderAsync(CancellationToken cancellationToken)
    {
        var version = Interlocked.Read(ref _version);
        if (Volatile.Read(ref _rendering) is { } current && current.Version == version)
        {
            return current.Text;
        }

        using var buffer = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(buffer, cancellationToken).ConfigureAwait(false);
        var rendering = new Rendering(version, buffer.ToArray());
        Volatile.Write(ref _rendering, rendering);
        return rendering.Text;
    }

    /// <summary><see cref="RenderAsync"/> as text.</summary>
    public async Task<string> WriteAsync(CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString((await RenderAsync(cancellationToken).ConfigureAwait(false)).Span);

    private static string OwnerKindLabel(OwnerKind kind) => kind switch
    {
        OwnerKind.Pod => "pod",
        OwnerKind.NodeDaemon => "node_daemon",
        _ => "unknown",
    };

    private static void Replace(Gauge gauge, Dictionary<string[], int> values)
    {
        foreach (var labels in gauge.GetAllLabelValues().ToList())
        {
            if (!values.ContainsKey(labels))
            {
                gauge.RemoveLabelled(labels);
            }
        }

        foreach (var (labels, value) in values)
        {
            gauge.WithLabels(labels).Set(value);
        }
    }

    /// <summary>An exposition and the version of the values it shows.</summary>
    private sealed record Rendering(long Version, byte[] Text);

    private sealed class LabelsComparer : IEqualityComparer<string[]>
    {
        public static LabelsComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj) => obj.Aggregate(0, (hash, label) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(label)));
    }
}
