using System.Text.Json;
using System.Threading.Channels;
using Hostnet.Core.Loading;
using Hostnet.Core.NodeState;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// The pods of this node as the API last said, fed by a list-and-watch (<see cref="Replace"/> after each list,
/// <see cref="Upsert"/> and <see cref="Delete"/> for each change), and read back as <see cref="NodePods"/> through the
/// snapshot reader, so the agent's pods mean what <c>--once</c>'s pods mean. Each change wakes <see cref="WaitForChangeAsync"/>.
/// </summary>
public sealed class NodePodStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonElement> _pods = new(StringComparer.Ordinal);
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _listed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether a first list has arrived.</summary>
    public bool HasListed => _listed.Task.IsCompleted;

    /// <summary>How many pods it holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pods.Count;
            }
        }
    }

    public void Replace(IReadOnlyList<JsonElement> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        lock (_gate)
        {
            _pods.Clear();
            foreach (var pod in pods)
            {
                _pods[KeyOf(pod)] = pod;
            }
        }

        _listed.TrySetResult();
        Signal();
    }

    public void Upsert(JsonElement pod)
    {
        lock (_gate)
        {
            _pods[KeyOf(pod)] = pod;
        }

        Signal();
    }

    public void Delete(JsonElement pod)
    {
        lock (_gate)
        {
            _pods.Remove(KeyOf(pod));
        }

        Signal();
    }

    /// <summary>Completes when the first list has arrived.</summary>
    public Task WaitForListAsync(CancellationToken cancellationToken) => _listed.Task.WaitAsync(cancellationToken);

    /// <summary>Waits for a change since the last wait, at most <paramref name="timeout"/>; true when one came.</summary>
    public async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_changed.Reader.TryRead(out _))
        {
            return true;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await _changed.Reader.ReadAsync(waiting.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The pods bound to <paramref name="node"/>, read as a <c>kubectl get pods -o json</c> List.</summary>
    public NodePods Pods(string node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", "v1");
            json.WriteString("kind", "List");
            json.WriteStartArray("items");
            lock (_gate)
            {
                foreach (var pod in _pods.Values)
                {
                    WritePod(json, pod);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Position = 0;
        // The API server validated these objects; should the reader still refuse the List, the scan sees no pods, not a crash.
        var read = SnapshotReader.Read("(watch)", buffer);
        return new NodePods(node, read.Snapshot.Pods);
    }

    /// <summary>List items lack <c>apiVersion</c> and <c>kind</c>; the snapshot reader wants them on each item.</summary>
    private static void WritePod(Utf8JsonWriter json, JsonElement pod)
    {
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "Pod");
        foreach (var property in pod.EnumerateObject())
        {
            if (property.NameEquals("apiVersion") || property.NameEquals("kind"))
            {
                continue;
            }

            property.WriteTo(json);
        }

        json.WriteEndObject();
    }

    private void Signal() => _changed.Writer.TryWrite(true);

    private static string KeyOf(JsonElement pod) =>
        pod.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            ? $"{Text(metadata, "namespace")}/{Text(metadata, "name")}"
            : "/";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
