namespace Hostnet.Core.Documents;

/// <summary>
/// One key of a <see cref="SourceMapping"/> and its value. The key is kept inline (its text, position and style), and so
/// is a scalar value: keys were about half of a tree's nodes and scalar values half of the rest, and every tree stays
/// alive until the rules have run, so an object for each was most of what the collector copied and traced. A
/// collection value is its node.
/// </summary>
public readonly struct MappingEntry
{
    private readonly PackedPosition _keyPosition;

    // A scalar value's text (its position and style in _valuePosition), or the value's node when it is a collection.
    private readonly object _value;
    private readonly PackedPosition _valuePosition;

    /// <summary>An entry whose value is a node; a scalar is kept inline, not the node.</summary>
    public MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, SourceNode value)
        : this(key, new PackedPosition(keyPosition, (int)keyStyle), Inline(value), value is SourceScalar scalar ? scalar.View.PackedPosition : default)
    {
    }

    /// <summary>An entry whose value is a scalar read without making a node for it.</summary>
    public MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, ScalarView value)
        : this(key, new PackedPosition(keyPosition, (int)keyStyle), value.Value, value.PackedPosition)
    {
    }

    /// <summary>An entry whose key was read as a scalar node: its text, position and style are kept, not the node.</summary>
    public MappingEntry(SourceScalar key, SourceNode value)
        : this(key.Value, key.Position, key.Style, value)
    {
    }

    private MappingEntry(string key, PackedPosition keyPosition, object value, PackedPosition valuePosition)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Key = key;
        _keyPosition = keyPosition;
        _value = value;
        _valuePosition = valuePosition;
    }

    public string Key { get; }

    /// <summary>What an entry keeps of <paramref name="value"/>: a scalar's text (its position and style kept beside it), or the collection's node.</summary>
    private static object Inline(SourceNode value) => value is SourceScalar scalar ? scalar.Value : value;

    public SourcePosition KeyPosition => _keyPosition.Position;

    public ScalarStyle KeyStyle => (ScalarStyle)_keyPosition.Tag;

    /// <summary>
    /// The value as a node. A scalar value is kept inline and made into a new node on each call (no two calls give the
    /// same object): read scalars with <see cref="TryGetScalar"/>, which allocates nothing.
    /// </summary>
    public SourceNode Value => _value is string text ? new ScalarView(text, _valuePosition).ToNode() : (SourceNode)_value;

    /// <summary>Where the value starts.</summary>
    public SourcePosition ValuePosition => _value is SourceNode node ? node.Position : _valuePosition.Position;

    /// <summary>The value's node when it is a mapping or a sequence; null for a scalar (kept inline).</summary>
    internal SourceNode? CollectionValue => _value as SourceNode;

    /// <summary>The key as a scalar node, made anew on each call: for the rare paths that pass a key on as a node (the configuration and policy readers).</summary>
    public SourceScalar KeyScalar() => new(KeyPosition, Key, KeyStyle);

    /// <summary>The value when it is a scalar, without making a node.</summary>
    public bool TryGetScalar(out ScalarView scalar)
    {
        if (_value is string text)
        {
            scalar = new ScalarView(text, _valuePosition);
            return true;
        }

        scalar = default;
        return false;
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
    internal MappingEntry WithInlineShiftedBy(int lines) =>
        new(Key, _keyPosition.ShiftedBy(lines), _value, _value is string ? _valuePosition.ShiftedBy(lines) : _valuePosition);
}
