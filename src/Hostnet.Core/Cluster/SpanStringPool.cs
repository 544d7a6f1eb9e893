using System.Text;

namespace Hostnet.Core.Cluster;

/// <summary>
/// Shares equal short strings decoded from UTF-8 without allocating for the ones already seen: a snapshot repeats the
/// same keys and values (<c>name</c>, <c>TCP</c>, node names, label values) millions of times. Single-threaded;
/// bounded in entry count and length.
/// </summary>
internal sealed class SpanStringPool
{
    private const int MaxLength = 128;
    private const int MaxEntries = 500_000;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SpanStringPool()
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Share(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Share(chars[..length]);
    }

    public string Share(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var shared))
        {
            return shared;
        }

        var created = text.ToString();
        if (text.Length <= MaxLength && _strings.Count < MaxEntries)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
