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

    /// <summary>The operation labels (AdmissionHandler.OperationLabel), the verdicts and the actions: the slots of a kind's or rule's series.</summary>
    private const int Operations = 5;
    private const int Verdicts = (int)AdmissionVerdict.Denied + 1;
    private const int RequestSlots = 2 * Operations * Verdicts;
    private const int ActionSlots = (int)PolicyAction.Deny + 1;

    /// <summary>From a quarter millisecond (the P3 target's scale) to the API server's 10 s webhook limit.</summary>
    private static readonly double[] LatencyBuckets = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly CollectorRegistry _registry = new();
    private readonly Counter _requests;
    private readonly Counter _rejected;
    private readonly Counter _timeouts;
    private readonly Counter _findings;
    private readonly Counter _reloads;
    private readonly Histogram _latency;

    // The labelled series a review touches, looked up without allocating (prometheus-net's WithLabels allocates its
    // label array and sequence on every call) and without hashing a tuple of strings (each string hashed again by the
    // randomized hash): one string key with the ordinal comparer, then the closed sets as array indexes.
    private readonly ConcurrentDictionary<string, Counter.Child?[]> _requestSeries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Histogram.Child> _latencySeries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Counter.Child?[]> _findingSeries = new(StringComparer.Ordinal);

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
        // Per kind, a slot for each endpoint, operation and verdict: the endpoint and operation labels are closed sets
        // (AdmissionHandler), and one outside them is looked up by its labels every time instead of having a slot.
        // Two threads may both look a series up for its slot: WithLabels gives both the same child.
        var slot = RequestSlot(endpoint, operation, verdict);
        var series = slot < 0 ? null : _requestSeries.GetOrAdd(kind, static _ => new Counter.Child?[RequestSlots]);
        (series is null ? Labelled() : series[slot] ??= Labelled()).Inc();
        Latency(endpoint).Observe(seconds);

        Counter.Child Labelled() => _requests.WithLabels(endpoint, kind, operation, VerdictLabel(verdict));
    }

    /// <summary>Counts a request refused before review (malformed, too large, timed out).</summary>
    public void RecordRejected(string endpoint, int statusCode, double seconds)
    {
        _rejected.WithLabels(endpoint, statusCode.ToString(CultureInfo.InvariantCulture)).Inc();
        Latency(endpoint).Observe(seconds);
    }

    /// <summary>Counts a request past its deadline: its body did not arrive (<c>body</c>, HTTP 408) or its review was not decided (<c>review</c>, HTTP 504).</summary>
    public void RecordTimeout(string endpoint, string stage) => _timeouts.WithLabels(endpoint, stage).Inc();

    public void RecordFinding(string rule, PolicyAction action)
    {
        var series = _findingSeries.GetOrAdd(rule, static _ => new Counter.Child?[ActionSlots]);
        var slot = (int)action;
        ((uint)slot < (uint)series.Length ? series[slot] ??= Labelled() : Labelled()).Inc();

        Counter.Child Labelled() => _findings.WithLabels(rule, action.ToString().ToLowerInvariant());
    }

    /// <summary>Counts a load of the policy file or of the certificate (<paramref name="source"/>).</summary>
    public void RecordReload(string source, bool success) => _reloads.WithLabels(source, success ? "success" : "failure").Inc();

    /// <summary>The exposition, families in the order they were created.</summary>
    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The slot of a request's series among its kind's (<see cref="RequestSlots"/>); -1 for an endpoint or operation
    /// outside the handler's labels.
    /// </summary>
    private static int RequestSlot(string endpoint, string operation, AdmissionVerdict verdict)
    {
        var e = endpoint switch { "validate" => 0, "mutate" => 1, _ => -1 };
        var o = operation switch { "CREATE" => 0, "UPDATE" => 1, "DELETE" => 2, "CONNECT" => 3, "other" => 4, _ => -1 };
        var v = (int)verdict;
        return e < 0 || o < 0 || (uint)v >= (uint)Verdicts ? -1 : (((e * Operations) + o) * Verdicts) + v;
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
