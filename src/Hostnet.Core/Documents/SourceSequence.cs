namespace Hostnet.Core.Documents;

/// <summary>
/// A YAML sequence or JSON array. A scalar item is kept inline (<see cref="InlineNode"/>: its text, position and style),
/// not as a node: read it with <see cref="TryGetScalar"/>.
/// </summary>
internal sealed class SourceSequence : SourceNode
{
    // A sequence of collections only (containers, ports, env: most sequences) keeps their nodes, 8 bytes an item; one
    // with a scalar item keeps 16-byte InlineNodes, instead of 8 bytes and a 32-byte node per scalar. Exactly one is set.
    // Written after construction only by ShiftInline, which moves the inline scalars in place.
    private readonly SourceNode[]? _nodes;
    private readonly InlineNode[]? _inline;

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
            // Kept when the loader made it (an exact-size array of this type); copied otherwise, so no caller can change it.
            _nodes = items as SourceNode[] is { } array && array.GetType() == typeof(SourceNode[]) ? array : [.. items];
            return;
        }

        _inline = new InlineNode[items.Count];
        for (var i = 0; i < _inline.Length; i++)
        {
            _inline[i] = new InlineNode(items[i]);
        }
    }

    private SourceSequence(SourcePosition position, SourceNode[]? nodes, InlineNode[]? inline)
        : base(position)
    {
        _nodes = nodes;
        _inline = inline;
    }

    /// <summary>A sequence of the items the loader collected (copied: the span is its shared stack).</summary>
    internal static SourceSequence FromItems(SourcePosition position, ReadOnlySpan<InlineNode> items)
    {
        foreach (var item in items)
        {
            if (item.Collection is null)
            {
                return new SourceSequence(position, null, items.ToArray());
            }
        }

        var nodes = items.Length == 0 ? [] : new SourceNode[items.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = items[i].Collection!;
        }

        return new SourceSequence(position, nodes, null);
    }

    public int Count => _nodes?.Length ?? _inline!.Length;

    /// <summary>
    /// The items as nodes. For a sequence with a scalar item the list and each scalar's node are made anew on each
    /// call: read items with <see cref="Count"/>, <see cref="TryGetScalar"/> and the indexer where it matters.
    /// </summary>
    public IReadOnlyList<SourceNode> Items
    {
        get
        {
            if (_nodes is not null)
            {
                return _nodes;
            }

            var nodes = new SourceNode[_inline!.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = _inline[i].Node;
            }

            return nodes;
        }
    }

    /// <summary>Item <paramref name="index"/> as a node (a scalar's node is made anew on each call).</summary>
    public SourceNode this[int index] => _nodes is not null ? _nodes[index] : _inline![index].Node;

    public override string TypeName => "array";

    /// <summary>Item <paramref name="index"/> when it is a scalar, without making a node.</summary>
    public bool TryGetScalar(int index, out ScalarView scalar)
    {
        if (_nodes is not null)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_nodes.Length, nameof(index));
            scalar = default;
            return false;
        }

        return _inline![index].TryGetScalar(out scalar);
    }

    /// <summary>Item <paramref name="index"/>'s node when it is a mapping or a sequence; null for a scalar (kept inline).</summary>
    public SourceNode? CollectionAt(int index) => _nodes is not null ? _nodes[index] : _inline![index].Collection;

    /// <summary>Where item <paramref name="index"/> starts.</summary>
    public SourcePosition PositionAt(int index) => _nodes is not null ? _nodes[index].Position : _inline![index].Position;

    /// <summary>Moves every scalar item <paramref name="lines"/> lines down (up when negative); the collections are nodes of their own.</summary>
    internal void ShiftInline(int lines)
    {
        if (_inline is null)
        {
            return;
        }

        for (var i = 0; i < _inline.Length; i++)
        {
            _inline[i] = _inline[i].WithScalarShiftedBy(lines);
        }
    }
}
