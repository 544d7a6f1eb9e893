using YamlDotNet.Core;

namespace Hostnet.Core.Editing;

/// <summary>How a document is written, so that inserted text looks like its neighbours.</summary>
/// <param name="IsJson">The document is JSON: keys and strings are double-quoted, and it must stay JSON.</param>
/// <param name="LineBreak"><c>\n</c> or <c>\r\n</c>, as the document writes them.</param>
/// <param name="IndentStep">Spaces between a key and the keys of its nested mapping.</param>
/// <param name="SequenceIndent">Spaces between a key and the dashes of its sequence (0 for <c>key:\n- item</c>).</param>
/// <param name="ItemOffset">Columns from a dash to its item (2 for <c>- item</c>, 4 for <c>-   item</c>).</param>
internal sealed record DocumentStyle(bool IsJson, string LineBreak, int IndentStep, int SequenceIndent, int ItemOffset)
{
    private const int DefaultStep = 2;

    public static DocumentStyle Of(SpanMapping root, string text)
    {
        var isJson = root.IsFlow && (root.Entries.Count == 0 || root.Entries[0].Key is SpanScalar { Style: ScalarStyle.DoubleQuoted });
        var body = text.AsSpan(root.Start, Math.Max(0, root.End - root.Start));
        var lineBreak = body.Contains("\r\n", StringComparison.Ordinal) || (!body.Contains('\n') && text.Contains("\r\n", StringComparison.Ordinal)) ? "\r\n" : "\n";
        var step = FirstIndent(root, text, sequences: false) ?? DefaultStep;
        var sequenceIndent = FirstIndent(root, text, sequences: true) ?? step;
        return new DocumentStyle(isJson, lineBreak, step, sequenceIndent, FirstItemOffset(root, text) ?? DefaultStep);
    }

    /// <summary>The distance from dash to item of the first block sequence whose first item is on its dash's line.</summary>
    private static int? FirstItemOffset(SpanNode node, string text) => node switch
    {
        SpanSequence { IsFlow: false, Items.Count: > 0 } sequence when TextLayout.DashColumn(text, sequence) is { } dash => sequence.Items[0].Column - dash,
        SpanSequence { IsFlow: false } sequence => sequence.Items.Select(item => FirstItemOffset(item, text)).FirstOrDefault(o => o is not null),
        SpanMapping { IsFlow: false } mapping => mapping.Entries.Select(entry => FirstItemOffset(entry.Value, text)).FirstOrDefault(o => o is not null),
        _ => null,
    };

    /// <summary>
    /// The first nesting the document shows, depth first: a block mapping under a key (its indent step) or a block
    /// sequence under a key (the column of its dash relative to the key).
    /// </summary>
    private static int? FirstIndent(SpanNode node, string text, bool sequences)
    {
        switch (node)
        {
            case SpanMapping { IsFlow: false } mapping:
                foreach (var entry in mapping.Entries)
                {
                    int? found = entry.Value switch
                    {
                        SpanMapping { IsFlow: false, Line: var line } child when !sequences && line > entry.Key.Line && child.Column > entry.Key.Column => child.Column - entry.Key.Column,
                        SpanSequence { IsFlow: false, Items.Count: > 0 } child when sequences && TextLayout.DashColumn(text, child) is { } dash && dash >= entry.Key.Column => dash - entry.Key.Column,
                        _ => null,
                    };
                    if ((found ?? FirstIndent(entry.Value, text, sequences)) is { } indent)
                    {
                        return indent;
                    }
                }

                return null;
            case SpanSequence { IsFlow: false } sequence:
                return sequence.Items.Select(item => FirstIndent(item, text, sequences)).FirstOrDefault(i => i is not null);
            default:
                return null;
        }
    }
}
