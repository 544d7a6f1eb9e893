using System.Collections.Concurrent;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// Hands what the JSON reader finds to the <see cref="ClusterSnapshotBuilder"/> on a second thread, in batches, so that
/// reading the model of one object (the builder's half of the work, about two fifths of a large snapshot's load)
/// overlaps tokenising the next ones instead of following it. The builder sees the same calls in the same order as
/// when the reader called it directly, so messages, duplicates and positions do not change. At most
/// <see cref="QueuedBatches"/> batches wait, which bounds the source trees held at once. The reader's error ends what
/// the builder takes: the items parsed on other threads (<see cref="SnapshotItemChunks"/>) may have queued more after it,
/// which the exact reader, stopping there, would never have read.
/// </summary>
internal sealed class SnapshotHandOff : IDisposable
{
    private const int BatchSize = 256;
    private const int QueuedBatches = 16;

    private readonly BlockingCollection<List<Action<ClusterSnapshotBuilder>>> _batches = new(QueuedBatches);
    private readonly CancellationTokenSource _builderFailed = new();
    private readonly Task _builder;
    private List<Action<ClusterSnapshotBuilder>> _batch = new(BatchSize);
    private volatile bool _stopped;

    public SnapshotHandOff(ClusterSnapshotBuilder builder)
    {
        _builder = Task.Factory.StartNew(() => Drain(builder), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Add(ManifestDocument document) => Queue(builder => builder.Add(document));

    public void Error(SourcePosition position, string message) => Queue(builder => Stop(builder, position, message));

    public void ListPosition(SourcePosition position) => Queue(builder => builder.ListPosition(position));

    public void ListAnnotations(IReadOnlyDictionary<string, string> annotations) => Queue(builder => builder.ListAnnotations(annotations));

    /// <summary>Whether the builder has taken the reader's error: nothing read after it counts.</summary>
    public bool Stopped => _stopped;

    /// <summary>Hands over <paramref name="step"/> now, with what waits before it (a step that stands for many objects).</summary>
    public void Send(Action<ClusterSnapshotBuilder> step)
    {
        _batch.Add(step);
        Send();
    }

    /// <summary>On the builder's thread: records the reader's error and drops every step queued after it.</summary>
    public void Stop(ClusterSnapshotBuilder builder, SourcePosition position, string message)
    {
        builder.Error(position, message);
        _stopped = true;
    }

    /// <summary>Hands over the last batch and waits until the builder has taken everything (its failure is thrown here).</summary>
    public void Complete()
    {
        if (_batch.Count > 0)
        {
            Send();
        }

        _batches.CompleteAdding();
        _builder.GetAwaiter().GetResult();
    }

    /// <summary>Lets the builder's thread end when the reader failed before <see cref="Complete"/>.</summary>
    public void Dispose()
    {
        if (!_batches.IsAddingCompleted)
        {
            _batches.CompleteAdding();
        }

        // The builder's own failure, if any, was thrown by Complete; here it only must not outlive the read.
        _builder.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        _batches.Dispose();
        _builderFailed.Dispose();
    }

    private void Queue(Action<ClusterSnapshotBuilder> step)
    {
        _batch.Add(step);
        if (_batch.Count == BatchSize)
        {
            Send();
        }
    }

    private void Send()
    {
        try
        {
            _batches.Add(_batch, _builderFailed.Token);
        }
        catch (OperationCanceledException)
        {
            // The builder failed: its exception is what the read reports.
            _builder.GetAwaiter().GetResult();
            throw;
        }

        _batch = new List<Action<ClusterSnapshotBuilder>>(BatchSize);
    }

    private void Drain(ClusterSnapshotBuilder builder)
    {
        try
        {
            foreach (var batch in _batches.GetConsumingEnumerable())
            {
                foreach (var step in batch)
                {
                    if (!_stopped)
                    {
                        step(builder);
                    }
                }
            }
        }
        catch
        {
            _builderFailed.Cancel();
            throw;
        }
    }
}
