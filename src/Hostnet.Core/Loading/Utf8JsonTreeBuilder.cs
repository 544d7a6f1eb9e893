using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// Builds the node tree of one JSON value straight from its UTF-8 bytes, as an admission review's body holds
/// <c>request.object</c>: one pass of <see cref="Utf8JsonReader"/>, with no UTF-16 copy of the text and no list of
/// YamlDotNet events in between (issue 16). It takes what <see cref="JsonEventParser"/> takes and gives the tree
/// <see cref="NodeBuilder"/> builds from that parser's events: the same values, styles and positions, columns counted
/// in UTF-16 code units as in the decoded text. On anything else (what that parser leaves to YamlDotNet: tabs, CR,
/// characters YAML reads differently, deep nesting, long keys; and what <see cref="NodeBuilder"/> reports: duplicate
/// keys, the loader's limits) it gives up, and the loader reads the decoded text as before.
/// </summary>
internal sealed class Utf8JsonTreeBuilder
{
    /// <summary><see cref="JsonEventParser"/>'s bound on a key with its blanks up to the colon (YamlDotNet's implicit keys).</summary>
    private const int MaxKeyLength = 1000;

    /// <summary><see cref="JsonEventParser"/>'s nesting bound: deeper documents go to YamlDotNet.</summary>
    private const int MaxNesting = 100;

    [ThreadStatic]
    private static Utf8JsonTreeBuilder? t_reused;

    private readonly NodeStacks _stacks = new();
    private readonly List<Collection> _open = [];

    /// <summary>Keys and values repeat from review to review (this thread's builder reads them all): shared, not decoded again.</summary>
    private readonly RecentStrings _recent = new();
    private int _line;
    private int _lineStart;

    /// <summary>UTF-8 continuation bytes on the current line before the point read: what byte offsets exceed UTF-16 columns by.</summary>
    private int _wide;

    /// <summary>
    /// Whether no byte from the value's start on is DEL or above (nearly every object): then no string needs the look
    /// for characters the text's readers treat their own way, nor counts wide ones, and one look at all the bytes
    /// replaced one per string.
    /// </summary>
    private bool _narrow;

    private Utf8JsonTreeBuilder()
    {
    }

    /// <summary>The tree of <paramref name="utf8"/>, or null where the text must go through the loader's other readers.</summary>
    /// <param name="utf8">One JSON object or array, valid UTF-8, with nothing but blanks around it.</param>
    /// <param name="limits">The loader's bounds: a tree that would break one is left to the reader that reports it.</param>
    public static SourceNode? TryBuild(ReadOnlySpan<byte> utf8, LoaderLimits limits)
    {
        var narrow = IsNarrow(utf8);
        if (!narrow && !Utf8.IsValid(utf8))
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxNesting + 1 });
        return TryBuild(ref reader, utf8, limits, whole: true, narrow);
    }

    /// <summary>
    /// The tree of the object or array <paramref name="reader"/> is on, inside a larger JSON text (an AdmissionReview's
    /// <c>request.object</c> in its body), read on from there: what <see cref="TryBuild(ReadOnlySpan{byte}, LoaderLimits)"/>
    /// gives for the value's bytes alone, lines and columns counted from its first byte, so that the review is read
    /// in one pass. Null where that gives up; the reader then stands anywhere inside the value.
    /// </summary>
    /// <param name="reader">A reader over <paramref name="utf8"/>, on the value's first token; left on its last.</param>
    /// <param name="utf8">The reader's whole input.</param>
    /// <param name="limits">The loader's bounds.</param>
    public static SourceNode? TryBuildValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LoaderLimits limits)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return null;
        }

        // The value's end is not known yet: the bytes up to the input's end are looked at (in a review, its closing
        // braces, or an UPDATE's oldObject too).
        var rest = utf8[(int)reader.TokenStartIndex..];
        var narrow = IsNarrow(rest);
        return narrow || Utf8.IsValid(rest) ? TryBuild(ref reader, utf8, limits, whole: false, narrow) : null;
    }

    /// <summary>Whether no byte is DEL or above: ASCII without DEL, so valid UTF-8 with no character to look at in a string.</summary>
    private static bool IsNarrow(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyInRange((byte)0x7F, (byte)0xFF) < 0;

    /// <summary>Builds with this thread's builder, left empty for the next: the whole input, or the value the reader is on.</summary>
    private static SourceNode? TryBuild(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LoaderLimits limits, bool whole, bool narrow)
    {
        var builder = t_reused ?? new Utf8JsonTreeBuilder();
        t_reused = null;
        builder._narrow = narrow;
        try
        {
            return whole ? builder.BuildWhole(ref reader, utf8, limits) : builder.Build(ref reader, utf8, (int)reader.TokenStartIndex, limits);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not JSON at all, or a position past what a node keeps (a column above 2^28 on one line): the text's
            // readers report it, with a line and column.
            return null;
        }
        finally
        {
            builder._stacks.Clear();
            builder._open.Clear();
            t_reused = builder;
        }
    }

    /// <summary>The tree of the reader's whole input: one value, with nothing but blanks around it.</summary>
    private SourceNode? BuildWhole(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LoaderLimits limits)
    {
        if (!reader.Read())
        {
            return null;
        }

        var root = Build(ref reader, utf8, origin: 0, limits);
        // Blanks after the value: the reader throws on anything else, and only spaces and LF are taken, as JsonEventParser takes.
        var end = (int)reader.BytesConsumed;
        return root is not null && !reader.Read() && SkipGap(utf8, end, utf8.Length, keyStart: -1) ? root : null;
    }

    /// <summary>
    /// Builds the value the reader is on (its first token) and leaves the reader on its last token. Line 1 starts at
    /// <paramref name="origin"/>, and nesting counts from the value.
    /// </summary>
    private SourceNode? Build(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int origin, LoaderLimits limits)
    {
        var outer = reader.CurrentDepth;
        (_line, _lineStart, _wide) = (1, origin, 0);
        var nodes = 0L;
        // Where the last token ended: the bytes from there to the next token are blanks, a comma or a colon.
        var end = origin;
        // The key just read (its quote's offset, text and position), until its value is.
        var keyStart = -1;
        string? key = null;
        var keyPosition = default(SourcePosition);
        do
        {
            var start = (int)reader.TokenStartIndex;
            if (!SkipGap(utf8, end, start, keyStart))
            {
                return null;
            }

            keyStart = -1;
            var position = new SourcePosition(_line, start - _lineStart - _wide + 1);
            var type = reader.TokenType;
            var depth = reader.CurrentDepth - outer;
            end = start + 1;
            if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                var closed = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                SourceNode collection = closed.IsObject
                    ? new SourceMapping(closed.Position, _stacks.PopEntries(closed.ChildStart))
                    : _stacks.PopSequence(closed.Position, closed.ChildStart);
                if (_open.Count == 0)
                {
                    return collection;
                }

                if (!Add(closed.Key, closed.KeyPosition, collection))
                {
                    return null;
                }

                continue;
            }

            // NodeBuilder's bounds: every node and key counts, and each is one level below its collection.
            if (depth + 1 > limits.MaxDepth || ++nodes > limits.MaxExpandedNodes)
            {
                return null;
            }

            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (depth >= MaxNesting)
                {
                    return null;
                }

                var isObject = type == JsonTokenType.StartObject;
                _open.Add(new Collection(isObject, position, isObject ? _stacks.EntryCount : _stacks.ItemCount, key, keyPosition));
                key = null;
                continue;
            }

            if (type == JsonTokenType.PropertyName)
            {
                if (StringValue(ref reader) is not { } name)
                {
                    return null;
                }

                (keyStart, key, keyPosition) = (start, name, position);
                end = start + reader.ValueSpan.Length + 2;
                continue;
            }

            var (value, style) = type switch
            {
                JsonTokenType.String => (StringValue(ref reader), ScalarStyle.Quoted),
                JsonTokenType.True => ("true", ScalarStyle.Plain),
                JsonTokenType.False => ("false", ScalarStyle.Plain),
                JsonTokenType.Null => ("null", ScalarStyle.Plain),
                _ => (Ascii(reader.ValueSpan), ScalarStyle.Plain),
            };
            // Null: a character the text's readers treat their own way. No open collection: a bare value as the document.
            if (value is null || _open.Count == 0)
            {
                return null;
            }

            end = start + reader.ValueSpan.Length + (style == ScalarStyle.Quoted ? 2 : 0);
            // A scalar is kept inline, as the text's readers keep it: in its mapping entry or its sequence's items.
            var scalar = new ScalarView(position, value, style);
            if (key is null)
            {
                _stacks.AddItem(scalar);
            }
            else if (!AddEntry(new MappingEntry(key, keyPosition, ScalarStyle.Quoted, scalar)))
            {
                return null;
            }

            key = null;
        }
        while (reader.Read());

        return null;
    }

    /// <summary>Adds a node to the innermost collection: an item, or the value of <paramref name="key"/>.</summary>
    private bool Add(string? key, SourcePosition keyPosition, SourceNode node)
    {
        if (key is null)
        {
            _stacks.AddItem(node);
            return true;
        }

        return AddEntry(new MappingEntry(key, keyPosition, ScalarStyle.Quoted, node));
    }

    /// <summary>Adds an entry to the innermost mapping; false for a key it already has, which the text's reader reports.</summary>
    private bool AddEntry(MappingEntry entry)
    {
        ref var mapping = ref CollectionsMarshal.AsSpan(_open)[^1];
        var bit = KeyBit(entry.Key);
        // Only a key with the bit of one before can repeat it: most keys are not compared with the mapping's others.
        if ((mapping.KeyBits & bit) != 0 && _stacks.FirstKey(mapping.ChildStart, entry.Key, ref mapping.Seen) is not null)
        {
            return false;
        }

        mapping.KeyBits |= bit;
        _stacks.AddEntry(entry, mapping.Seen);
        return true;
    }

    /// <summary>One of 64 bits, from the key's length and its first and last characters: equal keys have the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeyBit(string key) =>
        key.Length == 0 ? 1 : 1UL << (((key.Length * 5) + key[0] + (key[^1] * 3)) & 63);

    /// <summary>
    /// Steps over the bytes between two tokens, counting lines; false for a tab or CR (YamlDotNet counts columns its
    /// own way there), and after a key (its quote at <paramref name="keyStart"/>, -1 for none) for a line break
    /// before the colon or a colon too far (YAML's implicit keys are one line, and bounded).
    /// </summary>
    private bool SkipGap(ReadOnlySpan<byte> utf8, int from, int to, int keyStart)
    {
        var colon = keyStart < 0;
        for (var i = from; i < to; i++)
        {
            switch (utf8[i])
            {
                case (byte)' ' or (byte)',':
                    break;
                case (byte)':':
                    // Bytes bound the key's UTF-16 length from above: a key that may fit but might not is left to the text's readers.
                    if (keyStart >= 0 && i - keyStart > MaxKeyLength)
                    {
                        return false;
                    }

                    colon = true;
                    break;
                case (byte)'\n' when colon:
                    _line++;
                    _lineStart = i + 1;
                    _wide = 0;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The string's value, or null for a character <see cref="JsonEventParser"/> leaves to YamlDotNet (DEL, C1 controls,
    /// line and paragraph separators, U+D800 and above, escaped surrogates). Counts its continuation bytes for the columns after it.
    /// </summary>
    private string? StringValue(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        // Nearly every string is ASCII without an escape: one vectorized look (or none, in a narrow input) instead of the scan below.
        if (!reader.ValueIsEscaped && (_narrow || raw.IndexOfAnyInRange((byte)0x7F, (byte)0xFF) < 0))
        {
            return Ascii(raw);
        }

        var wide = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b < 0x80)
            {
                if (b == 0x7F)
                {
                    return null;
                }

                if (b == '\\' && raw[++i] == 'u' && raw[i + 1] is (byte)'d' or (byte)'D' && raw[i + 2] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
                {
                    return null;
                }

                continue;
            }

            if (b < 0xC0)
            {
                wide++;
                continue;
            }

            var next = raw[i + 1];
            if (b >= 0xEE || (b == 0xED && next >= 0xA0) || (b == 0xC2 && next <= 0x9F) || (b == 0xE2 && next == 0x80 && raw[i + 2] is 0xA8 or 0xA9))
            {
                return null;
            }
        }

        _wide += wide;
        return reader.ValueIsEscaped ? reader.GetString() : Encoding.UTF8.GetString(raw);
    }

    /// <summary>ASCII text (a number, a string without escapes): a short one as read lately, if it was.</summary>
    private string Ascii(ReadOnlySpan<byte> ascii) =>
        ascii.Length <= RecentStrings.MaxLength ? _recent.Get(ascii) : Encoding.ASCII.GetString(ascii);

    /// <summary>A collection being read: where it starts, where its children start on the stacks, the key it is the value of, its keys' bits, and their index once it has many.</summary>
    private struct Collection(bool isObject, SourcePosition position, int childStart, string? key, SourcePosition keyPosition)
    {
        public readonly bool IsObject = isObject;
        public readonly SourcePosition Position = position;
        public readonly int ChildStart = childStart;
        public readonly string? Key = key;
        public readonly SourcePosition KeyPosition = keyPosition;
        public Dictionary<string, SourcePosition>? Seen;

        /// <summary>The <see cref="KeyBit"/>s of the keys so far.</summary>
        public ulong KeyBits;
    }
}
