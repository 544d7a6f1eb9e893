namespace Hostnet.Core.Documents;

/// <summary>A 1-based line and column in a source file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Start { get; } = new(1, 1);

    /// <summary>The same column <paramref name="lines"/> lines down (up when negative): where a fix moved the text.</summary>
    public SourcePosition ShiftedBy(int lines) => this with { Line = Line + lines };

    public override string ToString() => $"{Line}:{Column}";
}
