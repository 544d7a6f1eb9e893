namespace Hostnet.Core.Documents;

/// <summary>
/// One key of a <see cref="SourceMapping"/> and its value. The key is kept inline (its text, position and style), and so
/// is a scalar value: keys were about half of a tree's nodes and scalar values half of the rest, and every tree stays
/// alive until the rules have run, so an object for each was most of what the collector copied and traced. A
/// collection value is its node (<see cref="InlineNode"/>).
/// </summary>
public readonly struct MappingEntry
{
    private readonly PackedPosition _keyPosition;
    private readonly InlineNode _value;

    /// <summary>An entry whose value is a node; a scalar is kept inline, not the node.</summary>
    public MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, SourceNode value)
        : this(key, new PackedPosition(keyPosition, (int)keyStyle), new InlineNode(value))
    {
    }

    /// <summary>An entry whose value is a scalar read without making a node for it.</summary>
    public MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, ScalarView value)
        : this(key, new PackedPosition(keyPosition, (int)keyStyle), new InlineNode(value))
    {
    }

    /// <summary>An entry whose key was read as a scalar node: its text, position and style are kept, not the node.</summary>
    public MappingEntry(SourceScalar key, SourceNode value)
        : this(key.Value, key.Position, key.Style, value)
    {
    }

    private MappingEntry(string key, PackedPosition keyPosition, InlineNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        _keyPosition = keyPosition;
        _value = value;
    }

    public string Key { get; }

    public SourcePosition KeyPosition => _keyPosition.Position;

    public ScalarStyle KeyStyle => (ScalarStyle)_keyPosition.Tag;

    /// <inheritdoc cref="InlineNode.Node"/>
    public SourceNode Value => _value.Node;

    /// <summary>Where the value starts.</summary>
    public SourcePosition ValuePosition => _value.Position;

    /// <summary>The value's node when it is a mapping or a sequence; null for a scalar (kept inline).</summary>
    internal SourceNode? CollectionValue => _value.Collection;

    /// <summary>The key as a scalar node, made anew on each call: for the rare paths that pass a key on as a node (the configuration and policy readers).</summary>
    public SourceScalar KeyScalar() => new(KeyPosition, Key, KeyStyle);

    /// <summary>The value when it is a scalar, without making a node.</summary>
    public bool TryGetScalar(out ScalarView scalar) => _value.TryGetScalar(out scalar);

    public void Deconstruct(out string key, out SourceNode value)
    {
        key = Key;
        value = Value;
    }

    /// <summary>
    /// The same entry with its key, and its value when a scalar, <paramref name="lines"/> lines down (a collection
    /// value is a node of its own, moved on its own).
    /// </summary>
    internal MappingEntry WithInlineShiftedBy(int lines) => new(Key, _keyPosition.ShiftedBy(lines), _value.WithScalarShiftedBy(lines));
}
