namespace Hostnet.Kube.Http;

/// <summary>
/// A stream that reads another once from start to end and owns it (disposing this disposes it): what is not reading
/// (seeking, writing, a length) is not supported. <see cref="BoundedJsonStream"/> and the CLI's stream of sniffed bytes
/// build on it.
/// </summary>
internal abstract class ReadOnlyForwardStream(Stream inner) : Stream
{
    /// <summary>The stream read.</summary>
    protected Stream Inner { get; } = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
