using Hostnet.Kube.Http;

namespace Hostnet.Cli.Input;

/// <summary>A read-only stream of some bytes already read (to sniff the format) followed by the rest of another stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : ReadOnlyForwardStream(rest)
{
    private int _offset;

    public override int Read(Span<byte> buffer)
    {
        if (_offset < prefixLength)
        {
            var count = Math.Min(buffer.Length, prefixLength - _offset);
            prefix.AsSpan(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        return Inner.Read(buffer);
    }
}
