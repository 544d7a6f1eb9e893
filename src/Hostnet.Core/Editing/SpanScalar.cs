using YamlDotNet.Core;

namespace Hostnet.Core.Editing;

/// <summary>A scalar (or an alias, which a fix never edits through) and how it is quoted.</summary>
internal sealed class SpanScalar(int start, int end, int line, int column, string value, ScalarStyle style) : SpanNode(start, line, column)
{
    private int _end = end;

    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public override int End => _end;

    /// <summary>An empty value (<c>key:</c> and nothing) is placed right after its key, where the parser does not put it.</summary>
    public void PlaceAt(int offset)
    {
        Start = offset;
        _end = offset;
    }
}
