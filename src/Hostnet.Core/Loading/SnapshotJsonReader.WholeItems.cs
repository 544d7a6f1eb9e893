using System.Buffers;
using System.Text.Json;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// The item readers' fast path: an item of a List the streaming reader found whole is read straight from its bytes,
/// without <see cref="System.Text.Json.Utf8JsonReader"/>, into the tree <see cref="TryBuildItem"/> builds. The
/// tokeniser checks every byte one at a time (its white-space skipping alone was 4.5 % of a full audit's samples, as
/// kubectl indents every line), and the streaming reader's scanner has already paired the item's brackets: here white
/// space and strings are crossed with vector searches. Only what is certainly read as the tokeniser reads it is taken
/// (the inside of a skipped container is crossed by the bracket scanner, unchecked, as <see cref="Jump"/> crosses it;
/// a kept string's escapes are undone by the tokeniser's own reader): any other byte (an escape in a key, a byte
/// outside ASCII in a string, a control character, a number or literal out of the grammar, a duplicate key, a nesting
/// near the limit) gives up on the item, which the general path then reads, and reports, as before.
/// </summary>
internal sealed partial class SnapshotJsonReader
{
    /// <summary>
    /// The bytes of a string's plain run: ASCII from 0x20 to 0x7F but the quote and the backslash. Searched for what is not
    /// among them (an ASCII-only set, which the search crosses with vectors; a set with the bytes outside ASCII is not).
    /// </summary>
    private static readonly SearchValues<byte> PlainInString = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x60).Select(b => (byte)b).Where(b => b is not ((byte)'"' or (byte)'\\'))]);

    private static readonly SearchValues<byte> Escapable = SearchValues.Create("\"\\/bfnrtu"u8);

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <summary>The item's tree read from its bytes; false when the item is left to the general path (nothing reported).</summary>
    private bool TryReadWhole(Item item, out InlineNode node)
    {
        _entries.Clear();
        _items.Clear();
        _lines = item.Lines;
        var data = _buffer.AsSpan(0, item.End);
        var at = item.Start;
        return TryValue(data, ref at, SnapshotScope.Root, placed: true, depth: 0, out node) && at == item.End;
    }

    /// <summary>
    /// An item's tree read one way, for the differential tests: straight from its bytes (<paramref name="whole"/>;
    /// null where that path gives up) or tokenised (null where that stops at a duplicate key it does not place; its
    /// errors are thrown).
    /// </summary>
    internal SourceNode? ReadItemForTests(byte[] buffer, Item item, bool placeEverything, bool whole)
    {
        _buffer = buffer;
        _base = 0;
        _placeEverything = placeEverything;
        _unplacedDuplicate = false;
        return (whole ? TryReadWhole(item, out var node) : TryBuildItem(item, out node)) ? node.Node : null;
    }

    /// <summary>Reads the value at <paramref name="at"/> (its first byte) as <see cref="TryBuild"/> does, and moves past it.</summary>
    /// <param name="depth">The containers open around the value.</param>
    private bool TryValue(ReadOnlySpan<byte> data, ref int at, SnapshotScope scope, bool placed, int depth, out InlineNode node)
    {
        node = default;
        var position = placed ? PlacedAt(at) : SourcePosition.Start;
        SourceNode collection;
        switch (data[at])
        {
            case (byte)'{' when depth < _maxDepth - 2:
                if (!TryMapping(data, ref at, scope, position, placed, depth + 1, out collection))
                {
                    return false;
                }

                break;
            case (byte)'[' when depth < _maxDepth - 2:
                if (!TrySequence(data, ref at, scope, position, placed, depth + 1, out collection))
                {
                    return false;
                }

                break;
            case (byte)'"':
                var end = PlainStringEnd(data, at);
                string text;
                if (end >= 0)
                {
                    text = _strings.Share(data[(at + 1)..(end - 1)]);
                }
                else if ((end = EscapedStringEnd(data, at)) < 0 || !TryUnescape(data[at..end], out text))
                {
                    return false;
                }

                node = new InlineNode(new ScalarView(position, text, ScalarStyle.Quoted));
                at = end;
                return true;
            default:
                var scalarEnd = NumberOrLiteralEnd(data, at);
                if (scalarEnd < 0)
                {
                    return false;
                }

                node = new InlineNode(new ScalarView(position, _strings.Share(data[at..scalarEnd]), ScalarStyle.Plain));
                at = scalarEnd;
                return true;
        }

        node = new InlineNode(collection);
        return true;
    }

    private bool TryMapping(ReadOnlySpan<byte> data, ref int at, SnapshotScope scope, SourcePosition position, bool placed, int depth, out SourceNode node)
    {
        node = null!;
        var start = _entries.Count;
        Dictionary<string, SourcePosition>? seen = null;
        var skipRest = false;
        string? kind = null;
        at = SkipWhiteSpace(data, at + 1);
        if (At(data, at) == (byte)'}')
        {
            at++;
            node = TakeMapping(start, position);
            return true;
        }

        while (true)
        {
            var nameEnd = At(data, at) == (byte)'"' ? PlainStringEnd(data, at) : -1;
            if (nameEnd < 0)
            {
                return false;
            }

            var keyAt = at;
            var name = data[(at + 1)..(nameEnd - 1)];
            at = SkipWhiteSpace(data, nameEnd);
            if (At(data, at) != (byte)':')
            {
                return false;
            }

            at = SkipWhiteSpace(data, at + 1);
            if (at >= data.Length)
            {
                return false;
            }

            var child = skipRest ? null : SnapshotTrimming.Child(scope, name, kind);
            if (child is null)
            {
                if (!TrySkipValue(data, ref at, depth))
                {
                    return false;
                }
            }
            else
            {
                var keyPosition = placed ? PlacedAt(keyAt) : SourcePosition.Start;
                var key = _strings.Share(name);
                if (!TryValue(data, ref at, child.Value, placed && (_placeEverything || ClusterSnapshotBuilder.KeepsPosition(scope, key)), depth, out var value)
                    || NodeStacks.FirstKeyIn(_entries, start, key, ref seen) is not null)
                {
                    return false;
                }

                AddEntry(key, keyPosition, value, scope, seen, ref kind, ref skipRest);
            }

            at = SkipWhiteSpace(data, at);
            switch (At(data, at))
            {
                case (byte)',':
                    at = SkipWhiteSpace(data, at + 1);
                    continue;
                case (byte)'}':
                    at++;
                    node = TakeMapping(start, position);
                    return true;
                default:
                    return false;
            }
        }
    }

    private bool TrySequence(ReadOnlySpan<byte> data, ref int at, SnapshotScope scope, SourcePosition position, bool placed, int depth, out SourceNode node)
    {
        node = null!;
        var start = _items.Count;
        at = SkipWhiteSpace(data, at + 1);
        if (At(data, at) != (byte)']')
        {
            while (true)
            {
                if (at >= data.Length || !TryValue(data, ref at, scope, placed, depth, out var item))
                {
                    return false;
                }

                _items.Add(item);
                at = SkipWhiteSpace(data, at);
                if (At(data, at) == (byte)']')
                {
                    break;
                }

                if (At(data, at) != (byte)',')
                {
                    return false;
                }

                at = SkipWhiteSpace(data, at + 1);
            }
        }

        at++;
        node = TakeSequence(start, position);
        return true;
    }

    /// <summary>Moves past a value nothing reads: a container as <see cref="Jump"/> crosses it, a scalar checked as the tokeniser checks it.</summary>
    /// <param name="depth">The containers open around the value.</param>
    private bool TrySkipValue(ReadOnlySpan<byte> data, ref int at, int depth)
    {
        int end;
        switch (data[at])
        {
            case (byte)'{' or (byte)'[':
                end = JsonValueScanner.ContainerEnd(data, at, _maxDepth - depth - 1, out var newlines);
                if (end < 0)
                {
                    return false;
                }

                // The lines counted up to the container's first byte, from where the scanner counted its newlines.
                PositionAt(_base + at);
                CountedThrough(_base, end, newlines);
                break;
            case (byte)'"':
                end = EscapedStringEnd(data, at);
                break;
            default:
                end = NumberOrLiteralEnd(data, at);
                break;
        }

        at = end;
        return end >= 0;
    }

    private SourcePosition PlacedAt(int index) => Clamped(PositionAt(_base + index));

    private static byte At(ReadOnlySpan<byte> data, int at) => at < data.Length ? data[at] : (byte)0;

    /// <summary>The index after a string of printable ASCII without escapes that opens at <paramref name="quote"/>, or -1.</summary>
    private static int PlainStringEnd(ReadOnlySpan<byte> data, int quote)
    {
        var length = data[(quote + 1)..].IndexOfAnyExcept(PlainInString);
        return length >= 0 && data[quote + 1 + length] == (byte)'"' ? quote + length + 2 : -1;
    }

    /// <summary>The index after a string of ASCII that opens at <paramref name="quote"/>, its escapes as JSON allows them, or -1.</summary>
    private static int EscapedStringEnd(ReadOnlySpan<byte> data, int quote)
    {
        var at = quote + 1;
        while (true)
        {
            var length = data[at..].IndexOfAnyExcept(PlainInString);
            if (length < 0)
            {
                return -1;
            }

            at += length;
            if (data[at] == (byte)'"')
            {
                return at + 1;
            }

            if (data[at] != (byte)'\\' || at + 1 >= data.Length || !Escapable.Contains(data[at + 1]))
            {
                return -1;
            }

            if (data[at + 1] == (byte)'u')
            {
                if (at + 6 > data.Length || data.Slice(at + 2, 4).IndexOfAnyExcept(HexDigits) >= 0)
                {
                    return -1;
                }

                at += 6;
            }
            else
            {
                at += 2;
            }
        }
    }

    /// <summary>
    /// The text of a kept string with escapes (kubectl writes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as <c>\u0026</c>,
    /// <c>\u003c</c>, <c>\u003e</c>, and annotations often hold JSON with escaped quotes), unescaped by the tokeniser's
    /// own reader as <see cref="Unescaped"/> does; false for an escaped half of a surrogate pair, which the general path
    /// reports.
    /// </summary>
    /// <param name="quoted">The string, quotes included: ASCII, its escapes checked (<see cref="EscapedStringEnd"/>).</param>
    private static bool TryUnescape(ReadOnlySpan<byte> quoted, out string text)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>The index after a JSON number (RFC 8259's grammar) or <c>true</c>, <c>false</c>, <c>null</c> at <paramref name="at"/>, or -1.</summary>
    private static int NumberOrLiteralEnd(ReadOnlySpan<byte> data, int at)
    {
        var rest = data[at..];
        if (rest.StartsWith("true"u8) || rest.StartsWith("null"u8))
        {
            return at + 4;
        }

        if (rest.StartsWith("false"u8))
        {
            return at + 5;
        }

        var i = At(rest, 0) == (byte)'-' ? 1 : 0;
        if (At(rest, i) == (byte)'0')
        {
            i++;
        }
        else if (Digits(rest, ref i) == 0)
        {
            return -1;
        }

        if (At(rest, i) == (byte)'.')
        {
            i++;
            if (Digits(rest, ref i) == 0)
            {
                return -1;
            }
        }

        if (At(rest, i) is (byte)'e' or (byte)'E')
        {
            i++;
            if (At(rest, i) is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (Digits(rest, ref i) == 0)
            {
                return -1;
            }
        }

        return at + i;
    }

    /// <summary>Moves past the decimal digits at <paramref name="i"/>; how many there were.</summary>
    private static int Digits(ReadOnlySpan<byte> data, ref int i)
    {
        var count = data[i..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        count = count < 0 ? data.Length - i : count;
        i += count;
        return count;
    }
}
