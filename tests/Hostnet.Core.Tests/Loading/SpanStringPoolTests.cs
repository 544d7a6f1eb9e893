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
}
