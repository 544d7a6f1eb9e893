using System.Text;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class SpanStringPoolTests
{
    [Theory]
    [InlineData("TCP")]
    [InlineData("")]
    [InlineData("worker-00042.example.internal")]
    [InlineData("café-ünïcode")]
    public void Share_EqualBytes_GiveOneString(string text)
    {
        var pool = new SpanStringPool();
        var first = pool.Share(Encoding.UTF8.GetBytes(text));
        var second = pool.Share(Encoding.UTF8.GetBytes(text));
        first.ShouldBe(text);
        second.ShouldBeSameAs(first);
    }

    [Fact]
    public void Share_ManyDistinctStrings_KeepsEachItsOwnText()
    {
        var pool = new SpanStringPool();
        var texts = Enumerable.Range(0, 20_000).Select(i => $"pod-{i}-" + new string('x', i % 40)).ToArray();
        var shared = texts.Select(t => pool.Share(Encoding.UTF8.GetBytes(t))).ToArray();
        shared.ShouldBe(texts);
        texts.Select(t => pool.Share(Encoding.UTF8.GetBytes(t))).Zip(shared).ShouldAllBe(p => ReferenceEquals(p.First, p.Second));
    }

    [Fact]
    public void Share_InvalidUtf8_IsDecodedAsTheDecoderDoesAndNotConfusedWithAscii()
    {
        var pool = new SpanStringPool();
        byte[] invalid = [(byte)'a', 0xFF, (byte)'b'];
        pool.Share(invalid).ShouldBe(Encoding.UTF8.GetString(invalid));
        pool.Share("a\uFFFDb"u8).ShouldBe("a\uFFFDb");
        pool.Share(invalid).ShouldBe("a\uFFFDb");
    }

    [Fact]
    public void Share_LongerThanShared_IsStillDecoded()
    {
        var text = new string('a', 200);
        new SpanStringPool().Share(Encoding.UTF8.GetBytes(text)).ShouldBe(text);
    }

    [Fact]
    public void Share_RepeatedStringsInRandomOrder_GiveTheirOwnTextAndOneInstanceEach()
    {
        // Thousands of distinct short strings, ASCII and not, drawn again and again: many share a slot of the table of
        // recent strings, so a hit there must still be the string of these bytes, and the same one every time.
        var random = new Random(16);
        var texts = Enumerable.Range(0, 6_000)
            .Select(i => (i % 7 == 0 ? "ü" : string.Empty) + new string((char)('a' + (i % 26)), 1 + (i % 5)) + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        var pool = new SpanStringPool();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var draw = 0; draw < 60_000; draw++)
        {
            var text = texts[random.Next(texts.Length)];
            var shared = pool.Share(Encoding.UTF8.GetBytes(text));
            shared.ShouldBe(text);
            first.TryAdd(text, shared);
            shared.ShouldBeSameAs(first[text]);
        }
    }
}
