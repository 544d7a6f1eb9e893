namespace Hostnet.Core.Documents;

/// <summary>
/// A node of a loaded YAML or JSON document with the position it starts at.
/// Aliases share nodes, so the tree may be a DAG; the loader bounds its expanded size.
/// </summary>
public abstract class SourceNode
{
    // Every node of every input stays alive until the rules have run, so a node is kept small: the column shares
    // its int with a few bits of subclass data (a scalar's style), which keeps a scalar at 32 bytes instead of 40.
    // Columns stay far below 2^28: an input is at most LoaderLimits.MaxFileBytes (64 MiB by default).
    private const int TagShift = 28;
    private const int ColumnMask = (1 << TagShift) - 1;

    private readonly int _line;
    private readonly int _columnAndTag;

    protected SourceNode(SourcePosition position)
        : this(position, 0)
    {
    }

    private protected SourceNode(SourcePosition position, int tag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position.Column);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position.Column, ColumnMask);
        ArgumentOutOfRangeException.ThrowIfNegative(tag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tag, 7);
        _line = position.Line;
        _columnAndTag = position.Column | (tag << TagShift);
    }

    public SourcePosition Position => new(_line, _columnAndTag & ColumnMask);

    /// <summary>What a user would call this node's type in an error message.</summary>
    public abstract string TypeName { get; }

    /// <summary>The subclass data stored beside the column (0–7).</summary>
    private protected int Tag => _columnAndTag >>> TagShift;
}
