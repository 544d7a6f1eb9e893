using System.Globalization;
using System.Text;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// Text encoded as UTF-8 into a buffer of its own, written to a stream when the buffer is full and when flushed; it also
/// takes lines already encoded as UTF-8 (<see cref="WriteLine(ReadOnlySpan{byte})"/>), which go in as they are: a JSON
/// log line written as UTF-8 was decoded to characters for a <see cref="TextWriter"/> and encoded again (issue 16). Each
/// call holds the writer's lock, so what one call writes (a line) never interleaves with another thread's.
/// </summary>
internal sealed class BufferedUtf8Writer(Stream stream, int bufferBytes) : TextWriter(CultureInfo.InvariantCulture)
{
    /// <summary>Room the encoder needs to make progress: one character's bytes, whatever it holds from the last call.</summary>
    private const int EncoderRoom = 8;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _lock = new();
    private readonly byte[] _buffer = new byte[Math.Max(bufferBytes, EncoderRoom)];
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private readonly byte[] _lineEnd = Utf8.GetBytes(Environment.NewLine);
    private int _length;

    public override Encoding Encoding => Utf8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_lock)
        {
            Encode(buffer);
        }
    }

    public override void WriteLine(string? value) => WriteLine(value.AsSpan());

    /// <summary>The text and the line end under one hold of the lock, where TextWriter's would write them in two calls.</summary>
    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        lock (_lock)
        {
            Encode(buffer);
            Encode(CoreNewLine);
        }
    }

    /// <summary>All the builder's chunks in one call: a line in a builder stays whole.</summary>
    public override void Write(StringBuilder? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var chunk in value.GetChunks())
            {
                Encode(chunk.Span);
            }
        }
    }

    /// <summary>A line already encoded as UTF-8, then the line end (<see cref="Environment.NewLine"/>, the console's).</summary>
    public void WriteLine(ReadOnlySpan<byte> utf8)
    {
        lock (_lock)
        {
            Append(utf8);
            Append(_lineEnd);
        }
    }

    public override void Flush()
    {
        lock (_lock)
        {
            WriteBuffer();
            stream.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_lock)
            {
                // A high surrogate the encoder still holds goes out as U+FFFD, as a StreamWriter's last flush writes it.
                if (_buffer.Length - _length < EncoderRoom)
                {
                    WriteBuffer();
                }

                _encoder.Convert(ReadOnlySpan<char>.Empty, _buffer.AsSpan(_length), flush: true, out _, out var written, out _);
                _length += written;
            }

            Flush();
            stream.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Encode(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            if (_buffer.Length - _length < EncoderRoom)
            {
                WriteBuffer();
            }

            // A high surrogate at the end stays in the encoder until its low one comes, as in a StreamWriter.
            _encoder.Convert(chars, _buffer.AsSpan(_length), flush: false, out var used, out var written, out _);
            _length += written;
            chars = chars[used..];
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length)
        {
            WriteBuffer();
            if (bytes.Length > _buffer.Length)
            {
                stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void WriteBuffer()
    {
        if (_length > 0)
        {
            // Emptied first: a stream that fails (a closed pipe) does not get the same bytes again on every write.
            var length = _length;
            _length = 0;
            stream.Write(_buffer, 0, length);
        }
    }
}
