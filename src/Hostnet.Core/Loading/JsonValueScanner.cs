using System.Buffers;

namespace Hostnet.Core.Loading;

/// <summary>
/// Finds where a JSON value ends without tokenising it: a vectorised search for the next bracket or quote, strings
/// (with their escapes) jumped over whole. It checks only what it must to find the end (brackets pair up, strings
/// close), not the grammar in between: <see cref="SnapshotJsonReader"/> uses it to jump over the subtrees it does not
/// read (managedFields, a node's images), which <see cref="System.Text.Json.Utf8JsonReader"/> would tokenise byte by byte.
/// </summary>
internal static class JsonValueScanner
{
    /// <summary>The input ends before the value does.</summary>
    public const int Incomplete = -1;

    /// <summary>The brackets do not pair up, or nest deeper than the scanner follows.</summary>
    public const int Malformed = -2;

    /// <summary>Nesting followed (one bit per level); deeper values are left to the exact reader.</summary>
    public const int MaxDepth = 63;

    private static readonly SearchValues<byte> Structure = SearchValues.Create("{}[]\""u8);

    /// <summary>The index just after the object or array that starts at <paramref name="start"/>, or <see cref="Incomplete"/> or <see cref="Malformed"/>.</summary>
    /// <param name="maxDepth">The deepest nesting accepted (at most <see cref="MaxDepth"/>); a deeper value is <see cref="Malformed"/>.</param>
    public static int ContainerEnd(ReadOnlySpan<byte> data, int start, int maxDepth)
    {
        maxDepth = Math.Min(maxDepth, MaxDepth);
        // Bit d of the stack is set when level d is an object.
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
                        return i + 1;
                    }

                    break;
            }

            i++;
        }
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
}
