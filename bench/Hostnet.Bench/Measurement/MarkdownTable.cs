using System.Text;

namespace Hostnet.Bench.Measurement;

/// <summary>A Markdown table padded to line up in a terminal too; the leading text columns are left-aligned, the figures right.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>How many leading columns hold text rather than figures.</summary>
    public int TextColumns { get; init; } = 1;

    public MarkdownTable Row(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException("a row needs one cell per column", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        Append(text, headers, widths);
        text.Append('|');
        for (var i = 0; i < widths.Length; i++)
        {
            var left = i < TextColumns;
            text.Append(left ? " :" : " ").Append('-', widths[i] - 1).Append(left ? " |" : ": |");
        }

        text.Append('\n');
        foreach (var row in _rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    private void Append(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(' ').Append(i < TextColumns ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i])).Append(" |");
        }

        text.Append('\n');
    }
}
