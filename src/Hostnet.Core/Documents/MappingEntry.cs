namespace Hostnet.Core.Documents;

/// <summary>
/// One key of a <see cref="SourceMapping"/> and its value. The key is kept inline (its text, position and style), and so
/// is a scalar value: keys were about half of a tree's nodes and scalar values half of the rest, and every tree stays
/// alive until the rules have run, so an object for each was most of what the collector copied and traced. A
/// collection value is its node. Both positions and styles share eight bytes (<see cref="EntryPositions"/>): an
/// entry is 24 bytes.
/// </summary>
public readonly struct MappingEntry
{
    // A scalar value's text, or the value's node when it is a collection; a Spilled when the positions do not pack.
    private readonly object _value;

    // The key's position and style, and a scalar value's (a collection value's node has its own).
    private readonly EntryPositions _positions;

    /// <summary>An entry whose value is a node; a scalar is kept inline, not the node.</summary>
    public MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, SourceNode value)
        : this(
            key,
            keyPosition,
            keyStyle,
            value is SourceScalar scalar ? scalar.Value : value,
            value is SourceScalar inline ? inline.Position : keyPosition,
            value is SourceScalar styled ? styled.Style : ScalarStyle.Plain)
    {
    }

    /// <summary>An entry whose value is a scalar read without making a node for it.</summary>
    public MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, ScalarView value)
        : this(key, keyPosition, keyStyle, value.Value, value.Position, value.Style)
    {
    }

    /// <summary>An entry whose key was read as a scalar node: its text, position and style are kept, not the node.</summary>
    public MappingEntry(SourceScalar key, SourceNode value)
        : this(key.Value, key.Position, key.Style, value)
    {
    }

    /// <param name="key">The key's text.</param>
    /// <param name="keyPosition">Where the key starts.</param>
    /// <param name="keyStyle">How the key was written.</param>
    /// <param name="value">A scalar value's text, or a collection's node.</param>
    /// <param name="valuePosition">Where a scalar value starts (for a collection: anything that packs, it is not read).</param>
    /// <param name="valueStyle">How a scalar value was written.</param>
    private MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, object value, SourcePosition valuePosition, ScalarStyle valueStyle)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Key = key;
        if (EntryPositions.TryPack(keyPosition, keyStyle, valuePosition, valueStyle, out _positions))
        {
            _value = value;
        }
        else
        {
            _value = new Spilled(
                value,
                new PackedPosition(keyPosition, (int)keyStyle),
                value is string ? new PackedPosition(valuePosition, (int)valueStyle) : default);
        }
    }

    public string Key { get; }

    public SourcePosition KeyPosition => _value is Spilled spilled ? spilled.KeyPosition.Position : _positions.KeyPosition;

    public ScalarStyle KeyStyle => _value is Spilled spilled ? (ScalarStyle)spilled.KeyPosition.Tag : _positions.KeyStyle;

    /// <summary>
    /// The value as a node. A scalar value is kept inline and made into a new node on each call (no two calls give the
    /// same object): read scalars with <see cref="TryGetScalar"/>, which allocates nothing.
    /// </summary>
    public SourceNode Value => TryGetScalar(out var scalar) ? scalar.ToNode() : CollectionValue!;

    /// <summary>Where the value starts.</summary>
    public SourcePosition ValuePosition => TryGetScalar(out var scalar) ? scalar.Position : CollectionValue?.Position ?? default;

    /// <summary>The value's node when it is a mapping or a sequence; null for a scalar (kept inline).</summary>
    internal SourceNode? CollectionValue => (_value is Spilled spilled ? spilled.Value : _value) as SourceNode;

    /// <summary>The key as a scalar node, made anew on each call: for the rare paths that pass a key on as a node (the configuration and policy readers).</summary>
    public SourceScalar KeyScalar() => new(KeyPosition, Key, KeyStyle);

    /// <summary>The value when it is a scalar, without making a node.</summary>
    public bool TryGetScalar(out ScalarView scalar)
    {
        switch (_value)
        {
            case string text:
                scalar = new ScalarView(_positions.ValuePosition, text, _positions.ValueStyle);
                return true;
            case Spilled { Value: string spilledText } spilled:
                scalar = new ScalarView(spilledText, spilled.ValuePosition);
                return true;
            default:
                scalar = default;
                return false;
        }
    }

    public void Deconstruct(out string key, out SourceNode value)
    {
        key = Key;
        value = Value;
    }

    /// <summary>
    /// The same entry with its key, and its value when a scalar, <paramref name="lines"/> lines down (a collection
    /// value is a node of its own, moved on its own).
    /// </summary>
    internal MappingEntry WithInlineShiftedBy(int lines)
    {
        var moved = KeyPosition.ShiftedBy(lines);
        return TryGetScalar(out var scalar)
            ? new(Key, moved, KeyStyle, scalar.Value, scalar.Position.ShiftedBy(lines), scalar.Style)
            : new(Key, moved, KeyStyle, CollectionValue!, moved, ScalarStyle.Plain);
    }

    /// <summary>An entry's value with both positions in full, for the rare entry whose positions do not pack.</summary>
    private sealed class Spilled(object value, PackedPosition keyPosition, PackedPosition valuePosition)
    {
        public object Value { get; } = value;

        public PackedPosition KeyPosition { get; } = keyPosition;

        public PackedPosition ValuePosition { get; } = valuePosition;
    }
}
