namespace Hostnet.Core.Editing;

/// <summary>
/// A node of a document re-read for editing, with exact character offsets into the file's text (the loader keeps only
/// start positions, to stay small while every input is checked; fixes re-read just the files they edit).
/// </summary>
internal abstract class SpanNode(int start, int line, int column)
{
    /// <summary>Offset of the node's first character.</summary>
    public int Start { get; protected set; } = start;

    /// <summary>1-based line, as the loader reports it.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, as the loader reports it.</summary>
    public int Column { get; } = column;

    /// <summary>
    /// Whether an edit here would reach further than the field it means: the node is an alias, or carries an anchor
    /// that aliases elsewhere repeat. Fixes leave such nodes (and everything under them) alone.
    /// </summary>
    public bool IsShared { get; set; }

    /// <summary>Offset just after the node's last character (for a block collection, after its last child).</summary>
    public abstract int End { get; }
}
