using System.Runtime.CompilerServices;

namespace Hostnet.Core.Documents;

/// <summary>
/// A YAML sequence or JSON array. A scalar item is kept inline (<see cref="InlineNode"/>: its text, position and style),
/// not as a node: read it with <see cref="TryGetScalar"/>.
/// </summary>
internal sealed class SourceSequence : SourceNode
{
    // A sequence of collections only (containers, ports, env: most sequences) keeps their nodes (a SourceNode[]), 8
    // bytes an item; one with a scalar item keeps 16-byte InlineNodes (an InlineNode[]), instead of 8 bytes and a
    // 32-byte node per scalar. One field for either: every sequence stays alive until the rules have run.
    // Written after construction only by ShiftInline, which moves the inline scalars in place.
    private readonly object _items;

    /// <param name="position">Where the sequence starts.</param>
    /// <param name="items">The items in order; a scalar item's text, position and style are kept, not its node.</param>
    public SourceSequence(SourcePosition position, IReadOnlyList<SourceNode> items)
        : base(position)
    {
        var scalars = false;
        for (var i = 0; i < items.Count && !scalars; i++)
        {
            scalars = items[i] is SourceScalar;
        }

        if (!scalars)
        {
            // An exact SourceNode[] is kept (the loader makes one of exact size per sequence, changed no more);
            // any other list is copied.
            _items = items as SourceNode[] is { } array && array.GetType() == typeof(SourceNode[]) ? array : items.ToArray();
            return;
        }

        var inline = new InlineNode[items.Count];
        for (var i = 0; i < inline.Length; i++)
        {
            inline[i] = new InlineNode(items[i]);
        }

        _items = inline;
    }

    // The constructors store exactly a SourceNode[] or an InlineNode[]: an exact type test and Unsafe.As read them, where
    // `is SourceNode[]` (a covariant array cast) goes through the runtime's cast helper on every read of every item.
    private bool HoldsNodes => _items.GetType() == typeof(SourceNode[]);

    private SourceNode[] Nodes => Unsafe.As<SourceNode[]>(_items);

    private InlineNode[] Inline => Unsafe.As<InlineNode[]>(_items);

    private SourceSequence(SourcePosition position, object items)
        : base(position)
    {
        _items = items;
    }

    /// <summary>A sequence of the items the loader collected (copied: the span is its shared stack).</summary>
    internal static SourceSequence FromItems(SourcePosition position, ReadOnlySpan<InlineNode> items)
    {
        foreach (var item in items)
        {
            if (item.Collection is null)
            {
                return new SourceSequence(position, items.ToArray());
            }
        }

        var nodes = items.Length == 0 ? [] : new SourceNode[items.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = items[i].Collection!;
        }

        return new SourceSequence(position, nodes);
    }

    public int Count => HoldsNodes ? Nodes.Length : Inline.Length;

    /// <summary>
    /// The items as nodes. For a sequence with a scalar item the list and each scalar's node are made anew on each
    /// call: read items with <see cref="Count"/>, <see cref="TryGetScalar"/> and the indexer where it matters.
    /// </summary>
    public IReadOnlyList<SourceNode> Items
    {
        get
        {
            if (HoldsNodes)
            {
                return Nodes;
            }

            var inline = Inline;
            var made = new SourceNode[inline.Length];
            for (var i = 0; i < made.Length; i++)
            {
                made[i] = inline[i].Node;
            }

            return made;
        }
    }

    /// <summary>Item <paramref name="index"/> as a node (a scalar's node is made anew on each call).</summary>
    public SourceNode this[int index] => HoldsNodes ? Nodes[index] : Inline[index].Node;

    public override string TypeName => "array";

    /// <summary>Item <paramref name="index"/> when it is a scalar, without making a node.</summary>
    public bool TryGetScalar(int index, out ScalarView scalar)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        if (HoldsNodes)
        {
            scalar = default;
            return false;
        }

        return Inline[index].TryGetScalar(out scalar);
    }

    /// <summary>Item <paramref name="index"/>'s node when it is a mapping or a sequence; null for a scalar (kept inline).</summary>
    public SourceNode? CollectionAt(int index) => HoldsNodes ? Nodes[index] : Inline[index].Collection;

    /// <summary>Where item <paramref name="index"/> starts.</summary>
    public SourcePosition PositionAt(int index) => HoldsNodes ? Nodes[index].Position : Inline[index].Position;

    /// <summary>Moves every scalar item <paramref name="lines"/> lines down (up when negative); the collections are nodes of their own.</summary>
    internal void ShiftInline(int lines)
    {
        if (!HoldsNodes)
        {
            var inline = Inline;
            for (var i = 0; i < inline.Length; i++)
            {
                inline[i] = inline[i].WithScalarShiftedBy(lines);
            }
        }
    }
}
