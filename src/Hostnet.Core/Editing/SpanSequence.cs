namespace Hostnet.Core.Editing;

/// <summary>A block or flow sequence; a flow sequence knows where its closing bracket stands.</summary>
internal sealed class SpanSequence(int start, int line, int column, bool isFlow, IReadOnlyList<SpanNode> items, int close) : SpanNode(start, line, column)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<SpanNode> Items { get; } = items;

    /// <summary>Offset of the closing <c>]</c> of a flow sequence.</summary>
    public int Close { get; } = close;

    public override int End => IsFlow ? Close + 1 : Items.Count == 0 ? Start : Items[^1].End;
}
