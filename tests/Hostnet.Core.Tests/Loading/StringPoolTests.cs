using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class StringPoolTests
{
    [Fact]
    public void Share_EqualTextOnOneThread_ReturnsTheFirstString()
    {
        var pool = new StringPool();
        var first = pool.Share("containerPort".AsSpan());

        pool.Share("containerPort".AsSpan()).ShouldBeSameAs(first);
        pool.Share(new string("containerPort".ToCharArray())).ShouldBeSameAs(first);
    }

    [Fact]
    public void Share_ManyTexts_KeepsEachSharedAsTheTableGrows()
    {
        // Far more texts than the table starts with room for: every one must still be found after it has grown.
        var pool = new StringPool();
        var first = Enumerable.Range(0, 5000).Select(i => pool.Share($"label-{i}".AsSpan())).ToArray();

        for (var i = 0; i < first.Length; i++)
        {
            pool.Share($"label-{i}".AsSpan()).ShouldBeSameAs(first[i]);
        }

        pool.Share("label-".AsSpan()).ShouldBe("label-");
    }

    [Fact]
    public void Share_TextLongerThanTheLimit_IsNotKept()
    {
        var pool = new StringPool();
        var text = new string('x', 200);

        pool.Share(text.AsSpan()).ShouldNotBeSameAs(pool.Share(text.AsSpan()));
    }

    [Fact]
    public void None_SharesNothing()
    {
        var first = StringPool.None.Share("TCP".AsSpan());

        StringPool.None.Share("TCP".AsSpan()).ShouldNotBeSameAs(first);
    }

    [Fact]
    public async Task Share_OnAnotherThread_GivesEqualTextSharedThere()
    {
        var pool = new StringPool();
        var here = pool.Share("hostPort".AsSpan());
        var (there, thereAgain) = await Task.Run(() => (pool.Share("hostPort".AsSpan()), pool.Share("hostPort".AsSpan())));

        there.ShouldBe(here);
        thereAgain.ShouldBeSameAs(there);
    }

    [Fact]
    public async Task Share_PastTheEntryLimit_KeepsNothingMoreOnAnyThread()
    {
        // The bound counts the entries of all threads together: a load spread over many threads stays within it.
        var pool = new StringPool(maxEntries: 2);
        pool.Share("a".AsSpan());
        pool.Share("b".AsSpan());

        var (there, thereAgain) = await Task.Run(() => (pool.Share("c".AsSpan()), pool.Share("c".AsSpan())));

        thereAgain.ShouldBe(there);
        thereAgain.ShouldNotBeSameAs(there);
        pool.Share("d".AsSpan()).ShouldNotBeSameAs(pool.Share("d".AsSpan()));
    }
}
