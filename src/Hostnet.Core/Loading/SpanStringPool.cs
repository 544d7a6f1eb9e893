using System.Buffers.Binary;
using System.Text;

namespace Hostnet.Core.Loading;

/// <summary>
/// Shares equal short strings read as UTF-8, found by their bytes, so a string seen before costs neither a decode nor
/// an allocation: a snapshot repeats the same keys and values (<c>name</c>, <c>TCP</c>, node names, label values)
/// millions of times. An open-addressing table of fixed size; when a short probe finds no room, the string is simply
/// not shared. An ASCII string (nearly all of them) is compared with its bytes as it is, without a copy of the bytes.
/// The table holds no references, only each string's hash and its index in a list the strings are appended to: the
/// table is a large object, and the collector scans a large object's references written since the last collection at
/// every small one: with strings written at random places all over the table, that scan was 7 % of the samples of an
/// audit at 1/10 size, and 4 % with the list. Appended at the list's end, new strings dirty only its tail (and each
/// time the list doubles, its new array once). In front of the table, a small one of the strings last shared, by hash
/// (<see cref="Recent"/>), answers most lookups with one read that stays in the processor's cache: keys and common
/// values repeat from one object to the next, and the large table and its list cost two misses each time. Single-threaded.
/// </summary>
internal sealed class SpanStringPool
{
    private const int MaxLength = 96;
    private const int Capacity = 1 << 18;
    private const int Probes = 8;

    // 64 KiB: a small object (not scanned as a large one at every collection), small enough for the processor's cache.
    private const int RecentCapacity = 1 << 12;

    private readonly Entry[] _entries = new Entry[Capacity];
    private readonly Recent[] _recent = new Recent[RecentCapacity];
    private readonly List<Shared> _shared = [];

    public string Share(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = Hash(utf8);
        ref var recent = ref _recent[hash & (RecentCapacity - 1)];
        if (recent.Hash == hash && recent.Text is { } seen && Ascii.Equals(utf8, seen))
        {
            return seen;
        }

        for (var probe = 0; probe < Probes; probe++)
        {
            ref var entry = ref _entries[(hash + probe) & (Capacity - 1)];
            if (entry.Index == 0)
            {
                var text = Encoding.UTF8.GetString(utf8);
                var ascii = Ascii.IsValid(utf8);
                _shared.Add(new Shared(text, ascii ? null : utf8.ToArray()));
                entry = new Entry(hash, _shared.Count);
                if (ascii)
                {
                    recent = new Recent(hash, text);
                }

                return text;
            }

            if (entry.Hash == hash)
            {
                var shared = _shared[entry.Index - 1];
                if (shared.Utf8 is null ? Ascii.Equals(utf8, shared.Text) : utf8.SequenceEqual(shared.Utf8))
                {
                    if (shared.Utf8 is null)
                    {
                        recent = new Recent(hash, shared.Text);
                    }

                    return shared.Text;
                }
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>A multiplicative hash over the bytes eight at a time; its high half, where the products mix best, is the result.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)bytes.Length;
        for (; bytes.Length >= sizeof(ulong); bytes = bytes[sizeof(ulong)..])
        {
            hash = (ulong.RotateLeft(hash, 23) ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier;
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (ulong.RotateLeft(hash, 23) ^ tail) * Multiplier;
        return (int)(hash >> 32);
    }

    /// <summary>A slot of the table: the string's hash and its place in the list, counted from 1 (0: the slot is free).</summary>
    private readonly record struct Entry(int Hash, int Index);

    /// <summary>An ASCII string shared lately, with its hash (compared with the bytes as it is).</summary>
    private readonly record struct Recent(int Hash, string? Text);

    /// <summary>A shared string, with its UTF-8 bytes when they are not ASCII (and so not compared with its characters).</summary>
    private readonly record struct Shared(string Text, byte[]? Utf8);
}
