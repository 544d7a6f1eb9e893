using System.Diagnostics;
using Hostnet.Core.NodeState;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// <c>hostnet agent</c> as a DaemonSet: once the pods of its node are listed, it scans the node every
/// <see cref="AgentDaemonOptions.Interval"/> and whenever those pods change, keeps the last report for the metrics,
/// and writes an Event for each finding that was not there at the previous scan. It is ready after the first list and
/// the first scan, and alive while its scan loop runs and completes scans (<see cref="Unhealthy"/>).
/// </summary>
/// <param name="scan">One scan of the node (<see cref="NodeScanner.Scan"/>).</param>
public sealed class AgentDaemon(Func<NodeScan> scan, NodePodStore pods, AgentDaemonOptions options, AgentMetrics metrics, FindingEventRecorder? events, TextWriter log)
{
    /// <summary>After a pod change, how long to wait for the changes that come with it (a pod's several status updates).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    /// <summary>How many intervals may pass without a completed scan before the loop counts as stuck.</summary>
    public const int StaleIntervals = 3;

    /// <summary>The least time without a completed scan that counts as stuck: a big node's scan on a busy CPU takes seconds.</summary>
    public static TimeSpan MinimumStaleAfter { get; } = TimeSpan.FromMinutes(1);

    private HashSet<string> _previous = new(StringComparer.Ordinal);
    private NodeReport? _lastReport;

    /// <summary>When the loop last completed a scan (or received the first list), as UTC ticks; 0 before the list.</summary>
    private long _lastBeat;

    /// <summary>Why the scan loop stopped, when an error it did not expect ended it.</summary>
    private string? _stopped;

    /// <summary>Whether the pods were listed and the node scanned at least once (<c>/readyz</c>).</summary>
    public bool IsReady => Volatile.Read(ref _lastReport) is not null;

    /// <summary>The last successful scan's report.</summary>
    public NodeReport? LastReport => Volatile.Read(ref _lastReport);

    /// <summary>
    /// Why the agent is not alive (<c>/healthz</c>), or null when it is: the scan loop stopped on an error, or completed
    /// no scan for <see cref="StaleIntervals"/> intervals (at least <see cref="MinimumStaleAfter"/>) since the pods were
    /// first listed. Waiting for that first list is readiness's business, not liveness's: a restart would not list sooner.
    /// </summary>
    public string? Unhealthy()
    {
        if (Volatile.Read(ref _stopped) is { } reason)
        {
            return $"the scan loop stopped: {reason}";
        }

        var beat = Interlocked.Read(ref _lastBeat);
        var staleAfter = TimeSpan.FromTicks(Math.Max(options.Interval.Ticks * StaleIntervals, MinimumStaleAfter.Ticks));
        var since = options.TimeProvider.GetUtcNow().UtcTicks - beat;
        return beat != 0 && since > staleAfter.Ticks
            ? $"no scan completed for {TimeSpan.FromTicks(since).TotalSeconds:0}s (more than {staleAfter.TotalSeconds:0}s)"
            : null;
    }

    /// <summary>
    /// Scans until <paramref name="cancellationToken"/> is cancelled. An error no scan expects ends the loop: it is logged
    /// and <see cref="Unhealthy"/> says so, so that the kubelet's liveness probe restarts the agent.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await pods.WaitForListAsync(cancellationToken).ConfigureAwait(false);
            Beat();
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
        catch (Exception error)
        {
            Volatile.Write(ref _stopped, $"{error.GetType().Name}: {error.Message}");
            log.WriteLine($"hostnet agent: the scan loop of node {options.Node} stopped on an unexpected error; /healthz fails from now on: {error}");
        }
    }

    /// <summary>One scan: the report, the metrics, and the Events of new findings.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        NodeReport report;
        try
        {
            report = NodeScanner.Analyze(scan(), pods.Pods(options.Node), options.TimeProvider.GetUtcNow(), options.Grace);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            metrics.RecordScanFailure(Stopwatch.GetElapsedTime(started).TotalSeconds);
            log.WriteLine($"hostnet agent: the scan of node {options.Node} failed: {error.Message}");
            Beat();
            await metrics.RenderAsync(cancellationToken).ConfigureAwait(false);
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
        Beat();
        // Rendered once here, so that a scrape copies text instead of walking every series (PERFORMANCE.md: ≤ 10 ms).
        await metrics.RenderAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Beat() => Interlocked.Exchange(ref _lastBeat, options.TimeProvider.GetUtcNow().UtcTicks);

    /// <summary>A finding is the same from one scan to the next when rule, pod, container, port and protocol are.</summary>
    private static string KeyOf(NodeFinding finding) =>
        string.Join('\u0000', finding.Rule.Id, finding.Pod?.Pod.Metadata.Uid, finding.Container, finding.Port, finding.Protocol);
}
