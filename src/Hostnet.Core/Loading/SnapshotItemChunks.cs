using System.Collections.Concurrent;

namespace Hostnet.Core.Loading;

/// <summary>
/// The items of a JSON List read on both cores. The streaming reader (<see cref="SnapshotJsonReader"/>) finds where each
/// item ends with <see cref="JsonValueScanner"/>, without tokenising it, and jumps over it; the items it jumped over in
/// a buffer are then tokenised by the same reader code (one item reader per thread, each with its own string table)
/// and read into the model (<see cref="ClusterSnapshotBuilder.Prepare"/>) on the thread pool, while the builder records
/// them on its own thread in the input's order (<see cref="SnapshotHandOff"/>). An item's error is found with the
/// position the whole-input reader gives it, and the builder takes nothing after it, so every message, position and
/// duplicate is what reading the items in the stream gives. Used by the streaming reader's thread only.
/// </summary>
internal sealed class SnapshotItemChunks(SnapshotHandOff handOff, Func<SnapshotJsonReader> newItemReader)
{
    /// <summary>Buffers parsed at once; with the builder's bounded queue, this bounds what is read ahead of the builder.</summary>
    private const int Parsing = 4;

    private readonly ConcurrentBag<SnapshotJsonReader> _itemReaders = [];
    private readonly ConcurrentBag<byte[]> _freeBuffers = [];
    private readonly Queue<Task> _parsing = new(Parsing);
    private List<SnapshotJsonReader.Item> _items = [];

    public bool HasItems => _items.Count > 0;

    public void Add(SnapshotJsonReader.Item item) => _items.Add(item);

    /// <summary>A buffer of <see cref="SnapshotJsonReader.BufferSize"/> bytes: one whose items are parsed, or a new one.</summary>
    public byte[] TakeBuffer() => _freeBuffers.TryTake(out var buffer) ? buffer : new byte[SnapshotJsonReader.BufferSize];

    /// <summary>
    /// Parses the items found so far, all in <paramref name="buffer"/> (whose first byte is at
    /// <paramref name="bufferBase"/> of the input), on the thread pool, and queues their objects for the builder.
    /// </summary>
    /// <param name="reuse">The reader has left the buffer and no other parse reads it: it is taken again once parsed.</param>
    public void Dispatch(byte[] buffer, long bufferBase, bool reuse)
    {
        var items = _items;
        _items = [];
        if (_parsing.Count == Parsing)
        {
            // Waits for the oldest parse (its failure, if any, is the builder's to throw).
            Task.WhenAny(_parsing.Dequeue()).Wait();
        }

        var parsed = Task.Run(() => Parse(buffer, bufferBase, items, reuse));
        _parsing.Enqueue(parsed);
        handOff.Send(builder => Record(builder, parsed));
    }

    /// <summary>
    /// Waits for every parse still running: after an item's error the builder skips what follows without waiting, and no
    /// parse may outlive the read. Their failures are the builder's to report; here they are only observed.
    /// </summary>
    public void WaitForParses()
    {
        while (_parsing.TryDequeue(out var parse))
        {
            Task.WhenAny(parse).Wait();
            _ = parse.Exception;
        }
    }

    private SnapshotJsonReader.ItemsRead Parse(byte[] buffer, long bufferBase, List<SnapshotJsonReader.Item> items, bool reuse)
    {
        var reader = _itemReaders.TryTake(out var free) ? free : newItemReader();
        try
        {
            return reader.ReadItems(buffer, bufferBase, items);
        }
        finally
        {
            _itemReaders.Add(reader);
            if (reuse && buffer.Length == SnapshotJsonReader.BufferSize)
            {
                _freeBuffers.Add(buffer);
            }
        }
    }

    /// <summary>On the builder's thread: records a buffer's objects in order, then the error that ended them, if any.</summary>
    private void Record(ClusterSnapshotBuilder builder, Task<SnapshotJsonReader.ItemsRead> parsed)
    {
        var read = parsed.GetAwaiter().GetResult();
        foreach (var prepared in read.Objects)
        {
            builder.Add(prepared);
        }

        if (read.Error is { } error)
        {
            handOff.Stop(builder, read.ErrorPosition, error);
        }
    }
}
