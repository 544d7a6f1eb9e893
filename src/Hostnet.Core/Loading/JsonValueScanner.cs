using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hostnet.Core.Loading;

/// <summary>
/// Finds where a JSON value ends without tokenising it. It checks only what it must to find the end (brackets pair up,
/// strings close), not the grammar in between: <see cref="SnapshotJsonReader"/> uses it to jump over the subtrees it does
/// not read (managedFields, a node's images) and over each item of a List, which
/// <see cref="System.Text.Json.Utf8JsonReader"/> would tokenise byte by byte.
/// <para>
/// Sixty-four bytes at a time, as simdjson finds its structure (Langdale and Lemire, "Parsing gigabytes of JSON per
/// second", 2019): one bit per byte for quotes, backslashes, brackets and newlines; the quotes a backslash escapes
/// (those after an odd run of backslashes) dropped; the bytes inside strings found by a prefix XOR of the other quotes;
/// then only the brackets outside strings are visited, in order. kubectl's JSON has a quoted name on every line, and
/// stopping at each quote (the earlier scanner: a search for the next bracket or quote, then for the string's end)
/// took 14 % of the samples of an audit at 1/10 size. A backslash outside any string (never in valid JSON) would escape
/// differently in the two readings of the text, so such a value is scanned byte by byte instead, as before.
/// </para>
/// </summary>
internal static class JsonValueScanner
{
    /// <summary>The input ends before the value does.</summary>
    public const int Incomplete = -1;

    /// <summary>The brackets do not pair up, or nest deeper than the scanner follows.</summary>
    public const int Malformed = -2;

    /// <summary>Nesting followed (one bit per level); deeper values are left to the exact reader.</summary>
    public const int MaxDepth = 63;

    private const int Block = 64;

    /// <summary>Bits at even places: where a run of backslashes starting on an even place has its odd members.</summary>
    private const ulong EvenBits = 0x5555_5555_5555_5555;

    private static readonly SearchValues<byte> Structure = SearchValues.Create("{}[]\""u8);

    /// <summary>The index just after the object or array that starts at <paramref name="start"/>, or <see cref="Incomplete"/> or <see cref="Malformed"/>.</summary>
    /// <param name="maxDepth">The deepest nesting accepted (at most <see cref="MaxDepth"/>); a deeper value is <see cref="Malformed"/>.</param>
    public static int ContainerEnd(ReadOnlySpan<byte> data, int start, int maxDepth) => ContainerEnd(data, start, maxDepth, out _);

    /// <summary>
    /// The index just after the object or array that starts at <paramref name="start"/>, or <see cref="Incomplete"/> or
    /// <see cref="Malformed"/>; when found, the newlines from <paramref name="start"/> to the end are counted too.
    /// </summary>
    /// <param name="maxDepth">The deepest nesting accepted (at most <see cref="MaxDepth"/>); a deeper value is <see cref="Malformed"/>.</param>
    public static int ContainerEnd(ReadOnlySpan<byte> data, int start, int maxDepth, out Newlines newlines)
    {
        maxDepth = Math.Min(maxDepth, MaxDepth);
        newlines = Newlines.None;
        Span<byte> tail = stackalloc byte[Block];

        // Bit d of the stack is set when level d is an object.
        ulong objects = 0;
        var depth = 0;
        ulong escapedCarry = 0;
        ulong inStringCarry = 0;
        for (var at = start; at < data.Length; at += Block)
        {
            scoped ReadOnlySpan<byte> block = data[at..];
            if (block.Length < Block)
            {
                // The last bytes, padded with spaces, which change nothing: the value ends in them or not at all.
                tail.Fill((byte)' ');
                block.CopyTo(tail);
                block = tail;
            }

            var masks = Masks.Of(block);
            var escaped = Escaped(masks.Backslashes, ref escapedCarry);
            var inString = PrefixXor(masks.Quotes & ~escaped) ^ inStringCarry;
            inStringCarry = (ulong)((long)inString >> 63);
            if ((masks.Backslashes & ~inString) != 0)
            {
                // A backslash outside a string: the byte-by-byte scan reads it as it always did.
                return ByteByByte(data, start, maxDepth, out newlines);
            }

            var brackets = (masks.Openers | masks.Closers) & ~inString;
            while (brackets != 0)
            {
                var bit = BitOperations.TrailingZeroCount(brackets);
                brackets &= brackets - 1;
                if ((masks.Openers & (1UL << bit)) != 0)
                {
                    if (depth >= maxDepth)
                    {
                        return Malformed;
                    }

                    objects = block[bit] == (byte)'{' ? objects | (1UL << depth) : objects & ~(1UL << depth);
                    depth++;
                    continue;
                }

                if (depth == 0 || (block[bit] == (byte)'}') != ((objects & (1UL << (depth - 1))) != 0))
                {
                    return Malformed;
                }

                depth--;
                if (depth == 0)
                {
                    var before = bit == Block - 1 ? masks.Newlines : masks.Newlines & ((2UL << bit) - 1);
                    newlines = newlines.Then(at, before);
                    return at + bit + 1;
                }
            }

            newlines = newlines.Then(at, masks.Newlines);
        }

        return Incomplete;
    }

    /// <summary>The index just after the string whose opening quote is at <paramref name="quote"/>, or <see cref="Incomplete"/>.</summary>
    public static int StringEnd(ReadOnlySpan<byte> data, int quote)
    {
        var i = quote + 1;
        while (true)
        {
            var next = data[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return Incomplete;
            }

            i += next;
            if (data[i] == (byte)'"')
            {
                return i + 1;
            }

            // An escape: the byte after the backslash is never the string's end (\u is followed by hex digits).
            i += 2;
            if (i > data.Length)
            {
                return Incomplete;
            }
        }
    }

    /// <summary>
    /// The bytes a backslash escapes: those after a run of an odd number of backslashes (simdjson's
    /// <c>find_escaped</c>); <paramref name="carry"/> says whether the first byte of the next block is escaped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Escaped(ulong backslashes, ref ulong carry)
    {
        backslashes &= ~carry;
        var followsEscape = (backslashes << 1) | carry;
        var oddStarts = backslashes & ~EvenBits & ~followsEscape;
        var evenEnds = oddStarts + backslashes;
        carry = evenEnds < oddStarts ? 1UL : 0UL;
        var invert = evenEnds << 1;
        return (EvenBits ^ invert) & followsEscape;
    }

    /// <summary>Bit i set when an odd number of the bits up to and including i are set: the bytes inside strings, with their opening quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        bits ^= bits << 32;
        return bits;
    }

    /// <summary>The scan one structural byte at a time, for the values the block scan cannot read as it does.</summary>
    private static int ByteByByte(ReadOnlySpan<byte> data, int start, int maxDepth, out Newlines newlines)
    {
        newlines = Newlines.None;
        ulong objects = 0;
        var depth = 0;
        var i = start;
        while (true)
        {
            var next = data[i..].IndexOfAny(Structure);
            if (next < 0)
            {
                return Incomplete;
            }

            i += next;
            switch (data[i])
            {
                case (byte)'"':
                    i = StringEnd(data, i);
                    if (i < 0)
                    {
                        return i;
                    }

                    continue;
                case (byte)'{' or (byte)'[':
                    if (depth >= maxDepth)
                    {
                        return Malformed;
                    }

                    objects = data[i] == (byte)'{' ? objects | (1UL << depth) : objects & ~(1UL << depth);
                    depth++;
                    break;
                default:
                    if (depth == 0 || (data[i] == (byte)'}') != ((objects & (1UL << (depth - 1))) != 0))
                    {
                        return Malformed;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        var value = data[start..(i + 1)];
                        var last = value.LastIndexOf((byte)'\n');
                        newlines = new Newlines(value.Count((byte)'\n'), last < 0 ? -1 : start + last);
                        return i + 1;
                    }

                    break;
            }

            i++;
        }
    }

    /// <summary>The newlines in a value: how many, and the index of the last one (-1 when none).</summary>
    internal readonly record struct Newlines(int Count, int Last)
    {
        public static readonly Newlines None = new(0, -1);

        /// <summary>These and the newlines of a block at <paramref name="at"/> (one bit per byte).</summary>
        public Newlines Then(int at, ulong block) => block == 0
            ? this
            : new Newlines(Count + BitOperations.PopCount(block), at + 63 - BitOperations.LeadingZeroCount(block));
    }

    /// <summary>
    /// One bit per byte of a 64-byte block for each kind of byte the scan looks at. It and the two bit helpers above
    /// are inlined: NativeAOT left them as calls (5.6 % of the 1/10 audit's samples, the masks returned through memory).
    /// </summary>
    private readonly record struct Masks(ulong Quotes, ulong Backslashes, ulong Openers, ulong Closers, ulong Newlines)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Masks Of(ReadOnlySpan<byte> block)
        {
            ulong quotes = 0, backslashes = 0, openers = 0, closers = 0, newlines = 0;
            for (var part = 0; part < Block / 16; part++)
            {
                var bytes = Vector128.Create(block.Slice(part * 16, 16));

                // '{' and '[' differ only in bit 5 (0x7B, 0x5B), as do '}' and ']' (0x7D, 0x5D).
                var folded = bytes | Vector128.Create((byte)0x20);
                var shift = part * 16;
                quotes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << shift;
                backslashes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\\')).ExtractMostSignificantBits() << shift;
                openers |= (ulong)Vector128.Equals(folded, Vector128.Create((byte)'{')).ExtractMostSignificantBits() << shift;
                closers |= (ulong)Vector128.Equals(folded, Vector128.Create((byte)'}')).ExtractMostSignificantBits() << shift;
                newlines |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << shift;
            }

            return new Masks(quotes, backslashes, openers, closers, newlines);
        }
    }
}
