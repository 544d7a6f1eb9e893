namespace Hostnet.Core.Editing;

/// <summary>Where lines start and end around a node, in the original text.</summary>
internal static class TextLayout
{
    /// <summary>The start of the line after the one holding <paramref name="offset"/> (or <paramref name="offset"/> itself at a line start).</summary>
    public static int LineAfter(string text, int offset)
    {
        if (offset > 0 && offset <= text.Length && text[offset - 1] == '\n')
        {
            return offset;
        }

        var newline = text.IndexOf('\n', offset);
        return newline < 0 ? text.Length : newline + 1;
    }

    public static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    /// <summary>Whether only spaces stand between the start of its line and <paramref name="offset"/>.</summary>
    public static bool StartsLine(string text, int offset)
    {
        var start = LineStart(text, offset);
        return text.AsSpan(start, offset - start).Trim(' ').IsEmpty;
    }

    /// <summary>The 1-based column of the dash before a block sequence's first item, or null when the item is not on the dash's line.</summary>
    public static int? DashColumn(string text, SpanSequence sequence)
    {
        var i = sequence.Items[0].Start - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        if (i < 0 || text[i] != '-')
        {
            return null;
        }

        return i - LineStart(text, i) + 1;
    }
}
