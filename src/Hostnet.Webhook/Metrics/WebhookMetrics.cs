using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Hostnet.Core.Admission;
using Prometheus;

namespace Hostnet.Webhook.Metrics;

/// <summary>
/// The webhook's metrics, kept and written in the Prometheus text exposition format (version 0.0.4) by prometheus-net,
/// in a registry of their own (no process or runtime collectors). Label values come from small closed sets, so the
/// series stay few. docs/dependencies.md says what was measured before the hand-written exposition was replaced.
/// </summary>
public sealed class WebhookMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private const string Prefix = "hostnet_webhook_";

    /// <summary>From a quarter millisecond (the P3 target's scale) to the API server's 10 s webhook limit.</summary>
    private static readonly double[] LatencyBuckets = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly CollectorRegistry _registry = new();
    private readonly Counter _requests;
    private readonly Counter _rejected;
    private readonly Counter _timeouts;
    private readonly Counter _findings;
    private readonly Counter _reloads;
    private readonly Histogram _latency;

    // The labelled series a review touches, looked up by a key that allocates nothing (prometheus-net's WithLabels
    // allocates its label array and sequence on every call).
    private readonly ConcurrentDictionary<(string Endpoint, string Kind, string Operation, AdmissionVerdict Verdict), Counter.Child> _requestSeries = new();
    private readonly ConcurrentDictionary<string, Histogram.Child> _latencySeries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Rule, PolicyAction Action), Counter.Child> _findingSeries = new();

    public WebhookMetrics()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(_registry);
        // Exemplars appear only in the OpenMetrics exposition, which /metrics does not serve; by default every count
        // and observation still looks one up from the current trace (issue 16: work on every review for nothing).
        factory.ExemplarBehavior = new ExemplarBehavior { DefaultExemplarProvider = static (_, _) => Exemplar.None };
        _requests = factory.CreateCounter(Prefix + "requests_total", "Admission reviews answered, by endpoint, kind, operation and verdict.", "endpoint", "kind", "operation", "verdict");
        _rejected = factory.CreateCounter(Prefix + "rejected_requests_total", "Requests answered without a review (malformed 400, too slow 408, too large 413, not decided in time 504), by endpoint and HTTP status.", "endpoint", "code");
        _timeouts = factory.CreateCounter(Prefix + "timeouts_total", "Requests past their deadline, by endpoint and stage (body: the body did not arrive; review: not decided in time).", "endpoint", "stage");
        _findings = factory.CreateCounter(Prefix + "findings_total", "Findings in admitted or denied requests (dry-run requests excluded), by rule and action.", "rule", "action");
        _reloads = factory.CreateCounter(Prefix + "reloads_total", "Loads of the policy file and the TLS certificate, by source and result.", "source", "result");
        _latency = factory.CreateHistogram(Prefix + "request_duration_seconds", "Time from the request's arrival to its answer, by endpoint.", new HistogramConfiguration
        {
            LabelNames = ["endpoint"],
            Buckets = LatencyBuckets,
        });
    }

    /// <summary>Counts an answered AdmissionReview and its latency.</summary>
    public void RecordRequest(string endpoint, string kind, string operation, AdmissionVerdict verdict, double seconds)
    {
        _requestSeries.GetOrAdd((endpoint, kind, operation, verdict), static (key, requests) => requests.WithLabels(key.Endpoint, key.Kind, key.Operation, VerdictLabel(key.Verdict)), _requests).Inc();
        Latency(endpoint).Observe(seconds);
    }

    /// <summary>Counts a request refused before review (malformed, too large, timed out).</summary>
    public void RecordRejected(string endpoint, int statusCode, double seconds)
    {
        _rejected.WithLabels(endpoint, statusCode.ToString(CultureInfo.InvariantCulture)).Inc();
        Latency(endpoint).Observe(seconds);
    }

    /// <summary>Counts a request past its deadline: its body did not arrive (<c>body</c>, HTTP 408) or its review was not decided (<c>review</c>, HTTP 504).</summary>
    public void RecordTimeout(string endpoint, string stage) => _timeouts.WithLabels(endpoint, stage).Inc();

    public void RecordFinding(string rule, PolicyAction action) =>
        _findingSeries.GetOrAdd((rule, action), static (key, findings) => findings.WithLabels(key.Rule, key.Action.ToString().ToLowerInvariant()), _findings).Inc();

    /// <summary>Counts a load of the policy file or of the certificate (<paramref name="source"/>).</summary>
    public void RecordReload(string source, bool success) => _reloads.WithLabels(source, success ? "success" : "failure").Inc();

    /// <summary>The exposition, families in the order they were created.</summary>
    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private Histogram.Child Latency(string endpoint) => _latencySeries.GetOrAdd(endpoint, static (name, latency) => latency.WithLabels(name), _latency);

    private static string VerdictLabel(AdmissionVerdict verdict) => verdict switch
    {
        AdmissionVerdict.Ignored => "ignored",
        AdmissionVerdict.Allowed => "allowed",
        AdmissionVerdict.Mutated => "mutated",
        AdmissionVerdict.Warned => "warned",
        AdmissionVerdict.WouldDeny => "would_deny",
        _ => "denied",
    };
}
