using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.NodeState;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// Posts a core/v1 Event on the pod of each new finding, deduplicated and counted as client-go's event recorder does
/// for the kubelet (tools/record/events_cache.go <c>eventLogger.eventObserve</c> and event.go <c>recordToSink</c>,
/// client-go v0.31): the first occurrence of an event key is created as <c>&lt;pod&gt;.&lt;hex UnixNano&gt;</c> with
/// <c>count</c> 1; a later one of the same key patches that Event (strategic merge patch of <c>count</c>,
/// <c>lastTimestamp</c> and <c>message</c>) with the count increased, and is created again under the same name when
/// the patch finds it gone (404). The key is getEventKey's: source, involved object, type, reason and message.
/// Without permission (403) it says so once and goes on; the failures are counted in the metrics.
/// <para>
/// A finding about no pod (a node daemon in the node-port range, HN063) is an Event on the Node, as the kubelet writes
/// its node-level Events (pkg/kubelet/kubelet.go <c>nodeRef</c>, v1.31: kind <c>Node</c>, the node's name as name and
/// UID, no namespace), which client-go's <c>makeEvent</c> puts in namespace <c>default</c>.
/// </para>
/// </summary>
public sealed class FindingEventRecorder(ApiWrite write, string node, AgentMetrics metrics, TextWriter log, TimeProvider time)
{
    /// <summary>The reason of every Event the agent writes (issue 12).</summary>
    public const string Reason = "HostPortListener";

    /// <summary>The Event's <c>source.component</c>.</summary>
    public const string Component = "hostnet-agent";

    /// <summary>client-go's <c>maxLruCacheEntries</c>: how many keys are remembered before the oldest is forgotten.</summary>
    private const int MaxKeys = 4096;

    private readonly Dictionary<string, EventLog> _observed = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly OnceLog _once = new(log);

    /// <summary>The namespace of Events about objects of no namespace (client-go's <c>metav1.NamespaceDefault</c>).</summary>
    public const string ClusterScopedNamespace = "default";

    /// <summary>Writes the Event of <paramref name="finding"/>: on its pod, or on the Node when it is about no pod.</summary>
    public async Task RecordAsync(NodeFinding finding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var involved = finding.Pod?.Pod.Metadata is { Namespace: { } podNamespace, Name: { } podName } metadata
            ? new InvolvedObject("Pod", podNamespace, podName, metadata.Uid)
            : new InvolvedObject("Node", null, node, node);
        var ns = involved.Namespace ?? ClusterScopedNamespace;
        var type = finding.Severity >= Severity.Warning ? "Warning" : "Normal";
        var message = $"{finding.Rule.Id} {finding.Rule.Slug}: {finding.Message}";
        var key = string.Join('\u0000', Component, node, involved.Kind, involved.Namespace, involved.Name, involved.Uid, "v1", type, Reason, message);
        var now = time.GetUtcNow();
        var result = _observed.TryGetValue(key, out var last)
            ? await PatchAsync(ns, last with { Count = last.Count + 1 }, now, message, cancellationToken).ConfigureAwait(false)
            : null;
        var observed = last is null
            ? new EventLog($"{involved.Name}.{((now - DateTimeOffset.UnixEpoch).Ticks * 100).ToString("x", CultureInfo.InvariantCulture)}", 1, now)
            : last with { Count = last.Count + 1 };
        if (result is null)
        {
            var body = EventJson(ns, involved, observed, now, type, message);
            result = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/events", "application/json", body, cancellationToken).ConfigureAwait(false) switch
            {
                HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict => "created",
                var status => Failure(status),
            };
        }

        metrics.RecordEvent(result);
        if (result is "created" or "patched")
        {
            Remember(key, observed);
        }
    }

    /// <summary>The patch's result, or null when the Event is gone (404) and must be created again.</summary>
    private async Task<string?> PatchAsync(string ns, EventLog observed, DateTimeOffset now, string message, CancellationToken cancellationToken)
    {
        var patch = Json(json =>
        {
            json.WriteNumber("count", observed.Count);
            json.WriteString("lastTimestamp", Timestamp(now));
            json.WriteString("message", message);
        });
        var status = await SendAsync(new HttpMethod("PATCH"), $"/api/v1/namespaces/{ns}/events/{observed.Name}", "application/strategic-merge-patch+json", patch, cancellationToken)
            .ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK => "patched",
            HttpStatusCode.NotFound => null,
            _ => Failure(status),
        };
    }

    private async Task<HttpStatusCode?> SendAsync(HttpMethod method, string path, string contentType, string body, CancellationToken cancellationToken)
    {
        try
        {
            return await write(method, path, contentType, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.WriteLine($"hostnet agent: cannot write an Event: {error.Message}");
            return null;
        }
    }

    private string Failure(HttpStatusCode? status)
    {
        if (status != HttpStatusCode.Forbidden)
        {
            if (status is { } code)
            {
                log.WriteLine($"hostnet agent: the API server refused an Event: {(int)code} {code}");
            }

            return "failed";
        }

        _once.Write("hostnet agent: not allowed to write Events (403 Forbidden): grant \"create\" and \"patch\" on \"events\" "
            + "in the core API group to the agent's ServiceAccount (deploy/agent/10-rbac.yaml); going on without Events");

        return "forbidden";
    }

    private string EventJson(string ns, InvolvedObject involved, EventLog observed, DateTimeOffset now, string type, string message) => Json(json =>
    {
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "Event");
        json.WriteStartObject("metadata");
        json.WriteString("name", observed.Name);
        json.WriteString("namespace", ns);
        json.WriteEndObject();
        json.WriteStartObject("involvedObject");
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", involved.Kind);
        if (involved.Namespace is not null)
        {
            json.WriteString("namespace", involved.Namespace);
        }

        json.WriteString("name", involved.Name);
        if (involved.Uid is not null)
        {
            json.WriteString("uid", involved.Uid);
        }

        json.WriteEndObject();
        json.WriteString("reason", Reason);
        json.WriteString("message", message);
        json.WriteString("type", type);
        json.WriteStartObject("source");
        json.WriteString("component", Component);
        json.WriteString("host", node);
        json.WriteEndObject();
        json.WriteString("firstTimestamp", Timestamp(observed.FirstTimestamp));
        json.WriteString("lastTimestamp", Timestamp(now));
        json.WriteNumber("count", observed.Count);
    });

    private void Remember(string key, EventLog observed)
    {
        if (!_observed.ContainsKey(key))
        {
            _order.Enqueue(key);
            if (_order.Count > MaxKeys)
            {
                _observed.Remove(_order.Dequeue());
            }
        }

        _observed[key] = observed;
    }

    /// <summary>metav1.Time: RFC 3339 in UTC, to the second.</summary>
    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The object an Event is about: a pod, or the node (no namespace).</summary>
    private sealed record InvolvedObject(string Kind, string? Namespace, string Name, string? Uid);

    /// <summary>What the recorder remembers of an Event it wrote (client-go's <c>eventLog</c>).</summary>
    private sealed record EventLog(string Name, int Count, DateTimeOffset FirstTimestamp);
}
