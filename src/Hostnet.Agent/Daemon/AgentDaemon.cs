using System.Diagnostics;
using Hostnet.Core.NodeState;
using Hostnet.Core.Runs;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// <c>hostnet agent</c> as a DaemonSet: once the pods of its node are listed, it scans the node every
/// <see cref="AgentDaemonOptions.Interval"/> and whenever those pods change, keeps the last report for the metrics,
/// and writes an Event for each finding that was not there at the previous scan. It is ready after the first list and
/// the first scan.
/// </summary>
public sealed class AgentDaemon(NodeScanner scanner, NodePodStore pods, AgentDaemonOptions options, AgentMetrics metrics, FindingEventRecorder? events, TextWriter log)
{
    /// <summary>After a pod change, how long to wait for the changes that come with it (a pod's several status updates).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private HashSet<string> _previous = new(StringComparer.Ordinal);
    private NodeReport? _lastReport;

    /// <summary>Whether the pods were listed and the node scanned at least once (<c>/readyz</c>).</summary>
    public bool IsReady => Volatile.Read(ref _lastReport) is not null;

    /// <summary>The last successful scan's report.</summary>
    public NodeReport? LastReport => Volatile.Read(ref _lastReport);

    /// <summary>Scans until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await pods.WaitForListAsync(cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                await ScanAsync(cancellationToken).ConfigureAwait(false);
                if (await pods.WaitForChangeAsync(options.Interval, cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
                    await pods.WaitForChangeAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One scan: the report, the metrics, and the Events of new findings.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        NodeReport report;
        try
        {
            var scan = scanner.Scan();
            var view = NodeView.Build(scan, pods.Pods(options.Node), options.TimeProvider.GetUtcNow(), options.Grace);
            report = NodeAnalyzer.Analyze(view);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            metrics.RecordScanFailure(Stopwatch.GetElapsedTime(started).TotalSeconds);
            log.WriteLine($"hostnet agent: the scan of node {options.Node} failed: {error.Message}");
            return;
        }

        metrics.RecordScan(report, Stopwatch.GetElapsedTime(started).TotalSeconds);
        Volatile.Write(ref _lastReport, report);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in report.Findings.Where(f => !f.IsSuppressed))
        {
            var key = KeyOf(finding);
            if (current.Add(key) && !_previous.Contains(key) && events is not null)
            {
                await events.RecordAsync(finding, cancellationToken).ConfigureAwait(false);
            }
        }

        _previous = current;
    }

    /// <summary>A finding is the same from one scan to the next when rule, pod, container, port and protocol are.</summary>
    private static string KeyOf(NodeFinding finding) =>
        string.Join('\u0000', finding.Rule.Id, finding.Pod?.Pod.Metadata.Uid, finding.Container, finding.Port, finding.Protocol);
}
