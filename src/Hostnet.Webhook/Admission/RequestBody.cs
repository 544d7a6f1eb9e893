using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Hostnet.Webhook.Admission;

/// <summary>
/// A request body read whole into one array of its announced length: the review is then deserialized from memory in
/// one pass. <c>JsonSerializer.DeserializeAsync</c> buffered it instead in arrays from the shared pool, doubling as
/// it grew, and the shared pool keeps up to 32 arrays of each size per core plus one per thread: under 500 slow
/// bodies the server held some 480 MiB, against the Deployment's 192Mi (issue 15). Bodies of a typical review
/// (up to <see cref="PooledBytes"/>) come from a small pool of this handler's own, larger ones are allocated
/// exactly and left to the garbage collector.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    /// <summary>The largest body taken from the pool: a Pod review is a few KiB, a big Deployment tens of KiB.</summary>
    public const int PooledBytes = 64 * 1024;

    private readonly ArrayPool<byte> _pool;
    private byte[] _buffer;

    private RequestBody(ArrayPool<byte> pool, byte[] buffer, int length)
    {
        _pool = pool;
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>A pool for <paramref name="readers"/> bodies read at once (the review slots).</summary>
    public static ArrayPool<byte> CreatePool(int readers) => ArrayPool<byte>.Create(PooledBytes, readers);

    /// <summary>
    /// Reads the body, at most <paramref name="maxBytes"/> (Kestrel's <c>MaxRequestBodySize</c> refuses more with a
    /// <see cref="BadHttpRequestException"/> of status 413, as it does a body cut short or too slow).
    /// </summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, ArrayPool<byte> pool, long maxBytes, CancellationToken cancellationToken)
    {
        // Kestrel ends a body at its Content-Length; a chunked one grows until Kestrel ends it at MaxRequestBodySize.
        var announced = request.ContentLength is { } length ? (int)Math.Min(length, maxBytes) : (int?)null;
        // A typical review fits the first buffer; a larger one gets its whole length once its first part has arrived,
        // not on its announcement alone.
        var body = new RequestBody(pool, Rent(pool, Math.Clamp(announced ?? 0, 4096, PooledBytes)), 0);
        try
        {
            while (announced is null || body.Length < announced)
            {
                if (body.Length == body._buffer.Length)
                {
                    body.Grow(announced ?? (int)Math.Min(maxBytes + 1, 2L * body._buffer.Length));
                }

                var read = await request.Body.ReadAsync(body._buffer.AsMemory(body.Length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                body.Length += read;
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Return(_pool, _buffer);
        _buffer = [];
        Length = 0;
    }

    private static byte[] Rent(ArrayPool<byte> pool, int length) =>
        length <= PooledBytes ? pool.Rent(length) : GC.AllocateUninitializedArray<byte>(length);

    private static void Return(ArrayPool<byte> pool, byte[] buffer)
    {
        if (buffer.Length is > 0 and <= PooledBytes)
        {
            pool.Return(buffer);
        }
    }

    private void Grow(int length)
    {
        var larger = Rent(_pool, length);
        Bytes.CopyTo(larger);
        Return(_pool, _buffer);
        _buffer = larger;
    }
}
