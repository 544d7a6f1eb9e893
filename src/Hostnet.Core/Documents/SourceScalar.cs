namespace Hostnet.Core.Documents;

/// <summary>
/// A scalar as a node: a sequence item, a document's root, or a mapping value asked for as a node (mapping values are
/// kept inline, see <see cref="MappingEntry"/>). Its reads are <see cref="ScalarView"/>'s.
/// </summary>
public sealed class SourceScalar(SourcePosition position, string value, ScalarStyle style) : SourceNode(position, (int)style)
{
    public string Value { get; } = value;

    /// <summary>The scalar's text, position and style as a value, for the readers that take a <see cref="ScalarView"/>.</summary>
    public ScalarView View => new(Value, PackedPosition);

    public ScalarStyle Style => (ScalarStyle)Tag;

    public bool IsPlain => Style == ScalarStyle.Plain;

    /// <inheritdoc cref="ScalarView.IsNull"/>
    public bool IsNull => View.IsNull;

    public override string TypeName => View.TypeName;

    /// <inheritdoc cref="ScalarView.ScalarKind"/>
    public ScalarKind ScalarKind => View.ScalarKind;

    /// <inheritdoc cref="ScalarView.TryGetBoolean"/>
    public bool TryGetBoolean(out bool value) => View.TryGetBoolean(out value);

    /// <inheritdoc cref="ScalarView.TryGetInt64"/>
    public bool TryGetInt64(out long value) => View.TryGetInt64(out value);

    public override string ToString() => Value;
}
