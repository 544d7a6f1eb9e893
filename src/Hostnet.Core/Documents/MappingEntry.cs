namespace Hostnet.Core.Documents;

/// <summary>
/// One key of a <see cref="SourceMapping"/> and its value. The key is kept inline (its text, position and style), not
/// as a <see cref="SourceScalar"/>: keys are about half of a tree's nodes, and every tree stays alive until the rules
/// have run, so an object per key was a third of what the collector copied and traced.
/// </summary>
public readonly struct MappingEntry
{
    private readonly PackedPosition _keyPosition;

    public MappingEntry(string key, SourcePosition keyPosition, ScalarStyle keyStyle, SourceNode value)
        : this(key, new PackedPosition(keyPosition, (int)keyStyle), value)
    {
    }

    /// <summary>An entry whose key was read as a scalar node: its text, position and style are kept, not the node.</summary>
    public MappingEntry(SourceScalar key, SourceNode value)
        : this(key.Value, key.Position, key.Style, value)
    {
    }

    private MappingEntry(string key, PackedPosition keyPosition, SourceNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Key = key;
        _keyPosition = keyPosition;
        Value = value;
    }

    public string Key { get; }

    public SourcePosition KeyPosition => _keyPosition.Position;

    public ScalarStyle KeyStyle => (ScalarStyle)_keyPosition.Tag;

    public SourceNode Value { get; }

    /// <summary>The key as a scalar node, made anew on each call: for the rare paths that pass a key on as a node (the configuration and policy readers).</summary>
    public SourceScalar KeyScalar() => new(KeyPosition, Key, KeyStyle);

    public void Deconstruct(out string key, out SourceNode value)
    {
        key = Key;
        value = Value;
    }

    /// <summary>The same entry with its key <paramref name="lines"/> lines down (the value is not moved).</summary>
    internal MappingEntry WithKeyShiftedBy(int lines) => new(Key, _keyPosition.ShiftedBy(lines), Value);
}
