namespace Hostnet.Core.Documents;

/// <summary>
/// A <see cref="SourcePosition"/> in eight bytes, with three bits of data (a scalar's style) beside the column:
/// every node and every mapping key of every input stays alive until the rules have run, so their positions are kept small.
/// </summary>
internal readonly struct PackedPosition
{
    // Columns stay far below 2^28: an input is at most LoaderLimits.MaxFileBytes (64 MiB by default).
    private const int TagShift = 28;
    private const int ColumnMask = (1 << TagShift) - 1;

    private readonly int _line;
    private readonly int _columnAndTag;

    public PackedPosition(SourcePosition position, int tag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position.Column);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position.Column, ColumnMask);
        ArgumentOutOfRangeException.ThrowIfNegative(tag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tag, 7);
        _line = position.Line;
        _columnAndTag = position.Column | (tag << TagShift);
    }

    private PackedPosition(int line, int columnAndTag)
    {
        _line = line;
        _columnAndTag = columnAndTag;
    }

    public SourcePosition Position => new(_line, _columnAndTag & ColumnMask);

    /// <summary>The data stored beside the column (0–7).</summary>
    public int Tag => _columnAndTag >>> TagShift;

    /// <summary>The same position <paramref name="lines"/> lines down (up when negative).</summary>
    public PackedPosition ShiftedBy(int lines) => new(_line + lines, _columnAndTag);
}
