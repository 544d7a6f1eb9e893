using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Editing;

/// <summary>
/// Renders field edits as minimal changes to a file's text: a replaced scalar keeps its quoting, new keys and items
/// take the indentation, sequence-dash style, flow or block style and line breaks of their neighbours, JSON stays
/// JSON, and every character no edit touches (comments, key order, other documents) stays as it was.
/// </summary>
internal static class TextFixer
{
    public static TextFix Apply(string text, IEnumerable<DocumentEdits> documents)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(documents);
        var planned = documents.Where(d => d.Edits.Count > 0).ToList();
        if (planned.Count == 0)
        {
            return new TextFix(text, [], []);
        }

        var changes = new List<TextChange>();
        var skipped = new List<FieldEdit>();
        foreach (var (document, edits, root) in Spans(text, planned))
        {
            if (root is null)
            {
                skipped.AddRange(edits);
                continue;
            }

            new DocumentRenderer(text, root, changes, skipped).Render(edits);
        }

        var applied = new List<FieldEdit>();
        var pieces = new List<ReadOnlyMemory<char>>();
        var cursor = 0;
        foreach (var change in changes.OrderBy(c => c.Start).ThenBy(c => c.End))
        {
            if (change.Start < cursor)
            {
                skipped.AddRange(change.Edits);
                continue;
            }

            pieces.Add(text.AsMemory(cursor, change.Start - cursor));
            if (change.IsLines && change.Start == text.Length && text.Length > 0 && text[^1] != '\n')
            {
                // A block insertion after the last line of a file without a final line break.
                pieces.Add((text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n").AsMemory());
            }

            pieces.Add(change.Text.AsMemory());
            cursor = change.End;
            applied.AddRange(change.Edits);
        }

        pieces.Add(text.AsMemory(cursor));
        return new TextFix(applied.Count == 0 ? text : Join(pieces), applied, skipped);
    }

    /// <summary>The pieces as one string, copied once: a file of many megabytes is not built up and then copied again.</summary>
    private static string Join(List<ReadOnlyMemory<char>> pieces) =>
        string.Create(pieces.Sum(p => p.Length), pieces, static (output, pieces) =>
        {
            foreach (var piece in pieces)
            {
                piece.Span.CopyTo(output);
                output = output[piece.Length..];
            }
        });

    /// <summary>
    /// The span tree of each planned document (in their order): from its loaded tree where the text tells the spans
    /// exactly (<see cref="LoadedSpans"/>), else re-read by YamlDotNet (<see cref="SpanReader"/>); null when neither can.
    /// </summary>
    private static IEnumerable<(ManifestDocument Document, IReadOnlyList<FieldEdit> Edits, SpanMapping? Root)> Spans(string text, List<DocumentEdits> planned)
    {
        var lines = new TextLines(text);
        var roots = planned.Select(d => LoadedSpans.TryRead(text, lines, d.Document.Root)).ToArray();
        var unread = planned.Where((_, i) => roots[i] is null).Select(d => d.Document.Root.Position.Line).Distinct().Order().ToArray();
        var reread = unread.Length > 0 ? SpanReader.Read(text, unread) : [];
        return planned.Select((d, i) => (d.Document, d.Edits, roots[i] ?? SpanReader.FindMapping(reread, d.Document.Root.Position)));
    }

    /// <summary>Renders the edits of one document.</summary>
    private sealed class DocumentRenderer(string text, SpanMapping root, List<TextChange> changes, List<FieldEdit> skipped)
    {
        private readonly DocumentStyle _style = DocumentStyle.Of(root, text);

        private ValueWriter Writer => field ??= new ValueWriter(_style);

        public void Render(IReadOnlyList<FieldEdit> edits)
        {
            foreach (var edit in edits.OfType<SetField>())
            {
                Add(Set(edit), [edit]);
            }

            foreach (var edit in edits.OfType<RemoveField>())
            {
                Add(Remove(edit), [edit]);
            }

            foreach (var edit in edits.OfType<RenameField>())
            {
                Add(Rename(edit), [edit]);
            }

            foreach (var group in edits.OfType<AddField>().GroupBy(e => e.Path, StringComparer.Ordinal))
            {
                AddKeys([.. group]);
            }

            foreach (var group in edits.OfType<AppendItem>().GroupBy(e => e.Path, StringComparer.Ordinal))
            {
                Append([.. group]);
            }
        }

        private void Add(TextChange? change, IReadOnlyList<FieldEdit> edits)
        {
            if (change is null)
            {
                skipped.AddRange(edits);
            }
            else
            {
                changes.Add(change with { Edits = edits });
            }
        }

        private SpanNode? Resolve(string path)
        {
            SpanNode? current = root.IsShared ? null : root;
            foreach (var step in FieldPaths.Steps(path))
            {
                current = current switch
                {
                    SpanMapping mapping => mapping[step]?.Value,
                    SpanSequence sequence when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Items.Count => sequence.Items[index],
                    _ => null,
                };
                if (current is null || current.IsShared)
                {
                    return null;
                }
            }

            return current;
        }

        private TextChange? Set(SetField edit)
        {
            if (Resolve(edit.Path) is not SpanScalar scalar || scalar.Start == scalar.End)
            {
                return null;
            }

            var value = edit.Value is JsonValue ? Writer.Scalar(edit.Value, scalar.Style) : Writer.Flow(edit.Value);
            return new TextChange(scalar.Start, scalar.End, value, []);
        }

        /// <summary>Only the key's text changes, quoted as it was; the value and everything around it stay.</summary>
        private TextChange? Rename(RenameField edit)
        {
            if (Resolve(edit.Path) is not SpanMapping mapping || mapping[edit.Key]?.Key is not SpanScalar key || key.IsShared)
            {
                return null;
            }

            return new TextChange(key.Start, key.End, Writer.Scalar(JsonValue.Create(edit.NewKey), key.Style), []);
        }

        private TextChange? Remove(RemoveField edit)
        {
            if (Resolve(edit.Path) is not SpanMapping mapping)
            {
                return null;
            }

            var index = mapping.Entries.ToList().FindIndex(e => e.Name == edit.Key);
            if (index < 0)
            {
                return null;
            }

            var entry = mapping.Entries[index];
            var next = index + 1 < mapping.Entries.Count ? mapping.Entries[index + 1] : null;
            if (mapping.IsFlow)
            {
                if (next is not null)
                {
                    return new TextChange(entry.Key.Start, next.Key.Start, string.Empty, []);
                }

                return index > 0
                    ? new TextChange(mapping.Entries[index - 1].Value.End, entry.Value.End, string.Empty, [])
                    : new TextChange(entry.Key.Start, entry.Value.End, string.Empty, []);
            }

            if (TextLayout.StartsLine(text, entry.Key.Start))
            {
                return new TextChange(TextLayout.LineStart(text, entry.Key.Start), TextLayout.LineAfter(text, entry.Value.End), string.Empty, []);
            }

            // The first key of a sequence item (- hostNetwork: true): the next key moves up beside the dash.
            return next is not null
                ? new TextChange(entry.Key.Start, next.Key.Start, string.Empty, [])
                : new TextChange(entry.Key.Start, entry.Value.End, "{}", []);
        }

        private void AddKeys(List<AddField> group)
        {
            if (Resolve(group[0].Path) is not SpanMapping mapping)
            {
                skipped.AddRange(group);
                return;
            }

            var writer = Writer;
            if (mapping.IsFlow)
            {
                foreach (var anchored in group.GroupBy(e => e.After is { } after ? mapping.Entries.ToList().FindIndex(entry => entry.Name == after) : -1))
                {
                    var entries = anchored.Select(e => writer.Key(e.Key) + ": " + writer.Flow(e.Value)).ToList();
                    var upTo = anchored.Key >= 0 ? anchored.Key + 1 : mapping.Entries.Count;
                    Add(FlowInsert(mapping.Entries.Take(upTo).Select(e => (e.Key, e.Value)).ToList(), mapping.Close, mapping.Line, entries), [.. anchored]);
                }

                return;
            }

            var indent = mapping.Column - 1;
            foreach (var anchored in group.GroupBy(e => (e.After is { } after ? mapping[after] : null) ?? mapping.Entries[^1]))
            {
                var output = new StringBuilder();
                foreach (var edit in anchored)
                {
                    writer.BlockEntry(output, edit.Key, edit.Value, indent);
                }

                var at = TextLayout.LineAfter(text, anchored.Key.Value.End);
                Add(new TextChange(at, at, output.ToString(), [], IsLines: true), [.. anchored]);
            }
        }

        private void Append(List<AppendItem> group)
        {
            if (Resolve(group[0].Path) is not SpanSequence sequence)
            {
                skipped.AddRange(group);
                return;
            }

            var writer = Writer;
            if (sequence.IsFlow)
            {
                var items = group.Select(e => writer.Flow(e.Value)).ToList();
                Add(FlowInsert(sequence.Items.Select(i => (i, i)).ToList(), sequence.Close, sequence.Line, items), group);
                return;
            }

            if (sequence.Items.Count == 0 || TextLayout.DashColumn(text, sequence) is not { } dash)
            {
                skipped.AddRange(group);
                return;
            }

            var output = new StringBuilder();
            foreach (var edit in group)
            {
                writer.BlockItem(output, edit.Value, dash - 1, sequence.Items[0].Column - dash);
            }

            var at = TextLayout.LineAfter(text, sequence.Items[^1].End);
            Add(new TextChange(at, at, output.ToString(), [], IsLines: true), group);
        }

        /// <summary>
        /// New entries or items at the end of a flow collection: <c>{a: 1}</c> becomes <c>{a: 1, b: 2}</c>; a collection
        /// written over several lines (pretty-printed JSON) gets each on a line of its own, indented as the last one.
        /// </summary>
        private TextChange FlowInsert(List<(SpanNode First, SpanNode Last)> existing, int close, int openLine, List<string> added)
        {
            if (existing.Count == 0)
            {
                return new TextChange(close, close, string.Join(", ", added), []);
            }

            var (first, last) = existing[^1];
            var separator = first.Line > openLine
                ? "," + _style.LineBreak + new string(' ', first.Column - 1)
                : ", ";
            return new TextChange(last.End, last.End, string.Concat(added.Select(a => separator + a)), []);
        }
    }
}
