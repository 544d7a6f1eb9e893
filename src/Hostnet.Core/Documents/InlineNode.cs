namespace Hostnet.Core.Documents;

/// <summary>
/// A sequence item as its sequence keeps it: a scalar's text with its position and style inline, or a collection's
/// node. Every tree stays alive until the rules have run, and an object per scalar was most of what the collector
/// copied and traced: <see cref="SourceSequence"/> makes a scalar item's node only when asked for one, as
/// <see cref="MappingEntry"/> does for a scalar value.
/// </summary>
internal readonly struct InlineNode
{
    // A scalar's text (its position and style in _position), or the node when it is a collection.
    private readonly object _value;
    private readonly PackedPosition _position;

    /// <summary>A scalar node is kept inline (its text, position and style), not the node; a collection is its node.</summary>
    public InlineNode(SourceNode node)
        : this(node is SourceScalar scalar ? scalar.Value : node, node is SourceScalar inline ? inline.View.PackedPosition : default)
    {
    }

    public InlineNode(ScalarView scalar)
        : this(scalar.Value, scalar.PackedPosition)
    {
    }

    private InlineNode(object value, PackedPosition position)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
        _position = position;
    }

    /// <summary>
    /// The value as a node. A scalar is kept inline and made into a new node on each call (no two calls give the same
    /// object): read scalars with <see cref="TryGetScalar"/>, which allocates nothing.
    /// </summary>
    public SourceNode Node => _value is string text ? new ScalarView(text, _position).ToNode() : (SourceNode)_value;

    /// <summary>Where the value starts.</summary>
    public SourcePosition Position => _value is SourceNode node ? node.Position : _position.Position;

    /// <summary>The node when the value is a mapping or a sequence; null for a scalar (kept inline).</summary>
    public SourceNode? Collection => _value as SourceNode;

    /// <summary>The value when it is a scalar, without making a node.</summary>
    public bool TryGetScalar(out ScalarView scalar)
    {
        if (_value is string text)
        {
            scalar = new ScalarView(text, _position);
            return true;
        }

        scalar = default;
        return false;
    }

    /// <summary>The same value <paramref name="lines"/> lines down when a scalar; a collection is a node of its own, moved on its own.</summary>
    public InlineNode WithScalarShiftedBy(int lines) => _value is string ? new(_value, _position.ShiftedBy(lines)) : this;
}
