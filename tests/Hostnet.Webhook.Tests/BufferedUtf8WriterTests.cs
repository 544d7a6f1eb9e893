using System.Text;
using Hostnet.Webhook.Hosting;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// The buffered standard output's writer: what it writes is the UTF-8 of the text and lines given to it, in order,
/// whatever the buffer's size, and lines written from several threads at once stay whole.
/// </summary>
public sealed class BufferedUtf8WriterTests
{
    private static readonly string[] Pieces = ["{\"Message\":\"validate\"}", "caf\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "x", string.Empty, new string('a', 300)];

    [Theory]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(64 * 1024)]
    public void Writes_GeneratedText_AreItsUtf8InOrder(int bufferBytes)
    {
        var random = new Random(bufferBytes);
        using var stream = new MemoryStream();
        var expected = new StringBuilder();
        using (var writer = new BufferedUtf8Writer(stream, bufferBytes))
        {
            for (var i = 0; i < 2000; i++)
            {
                var text = Pieces[random.Next(Pieces.Length)];
                switch (random.Next(5))
                {
                    case 0:
                        writer.WriteLine(Encoding.UTF8.GetBytes(text));
                        expected.Append(text).Append(Environment.NewLine);
                        break;
                    case 1:
                        // One character at a time: a surrogate pair arrives in two calls.
                        foreach (var character in text)
                        {
                            writer.Write(character);
                        }

                        expected.Append(text);
                        break;
                    case 2:
                        var builder = new StringBuilder(4).Append(text).Append(text);
                        writer.Write(builder);
                        expected.Append(builder);
                        break;
                    case 3:
                        writer.Write(text.ToCharArray(), 0, text.Length);
                        expected.Append(text);
                        break;
                    default:
                        writer.Write(text);
                        expected.Append(text);
                        break;
                }
            }

            writer.Flush();
            stream.ToArray().ShouldBe(new UTF8Encoding(false).GetBytes(expected.ToString()));
        }
    }

    [Fact]
    public async Task Lines_FromManyThreads_StayWhole()
    {
        using var stream = new MemoryStream();
        var writer = new BufferedUtf8Writer(stream, 100);
        var written = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var line = $"thread {thread} line {i} " + new string((char)('a' + thread), i % 70) + "\u00e9";
                switch (i % 3)
                {
                    case 0:
                        writer.WriteLine(Encoding.UTF8.GetBytes(line));
                        break;
                    case 1:
                        writer.Write(new StringBuilder(8).Append(line).Append(Environment.NewLine));
                        break;
                    default:
                        // TextWriter's own WriteLine writes the text and the line end in two calls.
                        writer.WriteLine(line);
                        break;
                }

                lock (written)
                {
                    written.Add(line);
                }
            }
        })));
        writer.Flush();

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split(Environment.NewLine);
        lines[^1].ShouldBeEmpty();
        lines[..^1].Order(StringComparer.Ordinal).ShouldBe(written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dispose_WritesAHeldHighSurrogateAsTheReplacementCharacter()
    {
        // A MemoryStream gives its bytes after it is closed.
        using var stream = new MemoryStream();
        var writer = new BufferedUtf8Writer(stream, 64);
        writer.Write("a\ud83d");
        writer.Dispose();

        stream.ToArray().ShouldBe([(byte)'a', 0xEF, 0xBF, 0xBD]);
    }
}
