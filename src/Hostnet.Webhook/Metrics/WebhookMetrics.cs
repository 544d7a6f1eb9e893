using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Hostnet.Core.Admission;
using Hostnet.Core.Policy;

namespace Hostnet.Webhook.Metrics;

/// <summary>
/// The webhook's metrics, written in the Prometheus text exposition format (version 0.0.4) by hand: no client
/// library is available here. Label values come from small closed sets, so the series stay few.
/// </summary>
public sealed class WebhookMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private const string Prefix = "hostnet_webhook_";

    private readonly ConcurrentDictionary<(string Endpoint, string Kind, string Operation, string Verdict), Counter> _requests = new();
    private readonly ConcurrentDictionary<(string Endpoint, int Code), Counter> _rejected = new();
    private readonly ConcurrentDictionary<(string Rule, string Action), Counter> _findings = new();
    private readonly ConcurrentDictionary<(string Source, string Result), Counter> _reloads = new();
    private readonly ConcurrentDictionary<string, Histogram> _latency = new(StringComparer.Ordinal);

    /// <summary>Counts an answered AdmissionReview and its latency.</summary>
    public void RecordRequest(string endpoint, string kind, string operation, AdmissionVerdict verdict, double seconds)
    {
        Count(_requests, (endpoint, kind, operation, VerdictLabel(verdict)));
        _latency.GetOrAdd(endpoint, _ => new Histogram()).Observe(seconds);
    }

    /// <summary>Counts a request refused before review (malformed, too large, timed out).</summary>
    public void RecordRejected(string endpoint, int statusCode, double seconds)
    {
        Count(_rejected, (endpoint, statusCode));
        _latency.GetOrAdd(endpoint, _ => new Histogram()).Observe(seconds);
    }

    public void RecordFinding(string rule, PolicyAction action) => Count(_findings, (rule, action.ToString().ToLowerInvariant()));

    /// <summary>Counts a load of the policy file or of the certificate (<paramref name="source"/>).</summary>
    public void RecordReload(string source, bool success) => Count(_reloads, (source, success ? "success" : "failure"));

    /// <summary>The exposition, series sorted so that scrapes and tests are stable.</summary>
    public string Write()
    {
        var text = new StringBuilder();
        Family(text, "requests_total", "counter", "Admission reviews answered, by endpoint, kind, operation and verdict.",
            _requests.Select(e => (Labels(("endpoint", e.Key.Endpoint), ("kind", e.Key.Kind), ("operation", e.Key.Operation), ("verdict", e.Key.Verdict)), e.Value.Value)));
        Family(text, "rejected_requests_total", "counter", "Requests refused before review (malformed, too large, timed out), by endpoint and HTTP status.",
            _rejected.Select(e => (Labels(("endpoint", e.Key.Endpoint), ("code", e.Key.Code.ToString(CultureInfo.InvariantCulture))), e.Value.Value)));
        Family(text, "findings_total", "counter", "Findings in admitted or denied requests (dry-run requests excluded), by rule and action.",
            _findings.Select(e => (Labels(("rule", e.Key.Rule), ("action", e.Key.Action)), e.Value.Value)));
        Family(text, "reloads_total", "counter", "Loads of the policy file and the TLS certificate, by source and result.",
            _reloads.Select(e => (Labels(("source", e.Key.Source), ("result", e.Key.Result)), e.Value.Value)));
        WriteLatency(text);
        return text.ToString();
    }

    private void WriteLatency(StringBuilder text)
    {
        var name = Prefix + "request_duration_seconds";
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} Time from the request's arrival to its answer, by endpoint.\n");
        text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} histogram\n");
        foreach (var (endpoint, histogram) in _latency.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var (cumulative, sum) = histogram.Snapshot();
            var endpointLabel = $"endpoint=\"{Escape(endpoint)}\"";
            for (var i = 0; i < cumulative.Length; i++)
            {
                var le = i < Histogram.Buckets.Count ? Number(Histogram.Buckets[i]) : "+Inf";
                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{endpointLabel},le=\"{le}\"}} {cumulative[i]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{endpointLabel}}} {Number(sum)}\n");
            text.Append(CultureInfo.InvariantCulture, $"{name}_count{{{endpointLabel}}} {cumulative[^1]}\n");
        }
    }

    private static void Family(StringBuilder text, string name, string type, string help, IEnumerable<(string Labels, long Value)> series)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {Prefix}{name} {help}\n");
        text.Append(CultureInfo.InvariantCulture, $"# TYPE {Prefix}{name} {type}\n");
        foreach (var (labels, value) in series.OrderBy(s => s.Labels, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Prefix}{name}{{{labels}}} {value}\n");
        }
    }

    private static string Labels(params (string Name, string Value)[] labels) =>
        string.Join(",", labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\""));

    /// <summary>Label values escape backslash, double quote and line feed (the exposition format's rule).</summary>
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string VerdictLabel(AdmissionVerdict verdict) => verdict switch
    {
        AdmissionVerdict.Ignored => "ignored",
        AdmissionVerdict.Allowed => "allowed",
        AdmissionVerdict.Mutated => "mutated",
        AdmissionVerdict.Warned => "warned",
        AdmissionVerdict.WouldDeny => "would_deny",
        _ => "denied",
    };

    private static void Count<TKey>(ConcurrentDictionary<TKey, Counter> counters, TKey key)
        where TKey : notnull => counters.GetOrAdd(key, _ => new Counter()).Increment();

    /// <summary>A counter cell.</summary>
    private sealed class Counter
    {
        private long _value;

        public long Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
