using System.Text;

namespace Hostnet.Core.Loading;

/// <summary>
/// Shares equal short strings read as UTF-8, found by their bytes, so a string seen before costs neither a decode nor
/// an allocation: a snapshot repeats the same keys and values (<c>name</c>, <c>TCP</c>, node names, label values)
/// millions of times. An open-addressing table of fixed size; when a short probe finds no room, the string is simply
/// not shared. Single-threaded.
/// </summary>
internal sealed class SpanStringPool
{
    private const int MaxLength = 96;
    private const int Capacity = 1 << 18;
    private const int Probes = 8;

    private readonly Entry[] _entries = new Entry[Capacity];

    public string Share(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = Hash(utf8);
        for (var probe = 0; probe < Probes; probe++)
        {
            ref var entry = ref _entries[(hash + probe) & (Capacity - 1)];
            if (entry.Text is null)
            {
                entry = new Entry(utf8.ToArray(), Encoding.UTF8.GetString(utf8), hash);
                return entry.Text;
            }

            if (entry.Hash == hash && utf8.SequenceEqual(entry.Bytes))
            {
                return entry.Text;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>FNV-1a over the bytes.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    private readonly record struct Entry(byte[] Bytes, string Text, int Hash);
}
