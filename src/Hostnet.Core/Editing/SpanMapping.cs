namespace Hostnet.Core.Editing;

/// <summary>A block or flow mapping; a flow mapping knows where its closing brace stands.</summary>
internal sealed class SpanMapping(int start, int line, int column, bool isFlow, IReadOnlyList<SpanEntry> entries, int close) : SpanNode(start, line, column)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<SpanEntry> Entries { get; } = entries;

    /// <summary>Offset of the closing <c>}</c> of a flow mapping.</summary>
    public int Close { get; } = close;

    public override int End => IsFlow ? Close + 1 : Entries.Count == 0 ? Start : Entries[^1].Value.End;

    public SpanEntry? this[string key] => Entries.FirstOrDefault(e => e.Name == key);
}
