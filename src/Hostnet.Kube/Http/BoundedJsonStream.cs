namespace Hostnet.Kube.Http;

/// <summary>
/// Reads a JSON body from another stream and stops with <see cref="JsonBodyLimitException"/> as soon as more than
/// <paramref name="maxBytes"/> bytes came through, or one string grew longer than <paramref name="maxStringBytes"/>:
/// an endless or huge answer is stopped while it streams, before it fills the memory. docs/snapshot.md, "Limits".
/// </summary>
internal sealed class BoundedJsonStream(Stream inner, long maxBytes, long maxStringBytes) : ReadOnlyForwardStream(inner)
{
    private long _read;
    private long _stringLength;
    private bool _inString;
    private bool _escaped;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>"1 MiB": how the limits are named in messages and docs.</summary>
    public static string Mebibytes(long bytes) => $"{bytes / (1024 * 1024)} MiB";

    public override int Read(Span<byte> buffer) => Count(buffer[..Inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Counts the bytes and follows string boundaries (a quote not escaped by a backslash) to measure each string.</summary>
    private int Count(ReadOnlySpan<byte> chunk)
    {
        _read += chunk.Length;
        if (_read > maxBytes)
        {
            throw new JsonBodyLimitException($"more than {Mebibytes(maxBytes)}");
        }

        foreach (var b in chunk)
        {
            if (!_inString)
            {
                _inString = b == (byte)'"';
                _stringLength = 0;
            }
            else if (_escaped)
            {
                _escaped = false;
            }
            else if (b == (byte)'\\')
            {
                _escaped = true;
            }
            else if (b == (byte)'"')
            {
                _inString = false;
            }
            else if (++_stringLength > maxStringBytes)
            {
                throw new JsonBodyLimitException($"a string longer than {Mebibytes(maxStringBytes)}");
            }
        }

        return chunk.Length;
    }
}
