using System.Text;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class JsonValueScannerTests
{
    [Theory]
    [InlineData("{} ,", 2)]
    [InlineData("[1, [2, {\"a\": [3]}]] }", 20)]
    [InlineData("{\"k:{\\\"type\\\":\\\"Ready\\\"}\": {}}, ", 30)]
    [InlineData("[\"]\", \"}\", \"\\\\\"]x", 16)]
    [InlineData("{\"a\": \"\\u007d\"}", 15)]
    public void ContainerEnd_FindsTheEndPastStringsAndEscapes(string text, int end)
    {
        JsonValueScanner.ContainerEnd(Encoding.UTF8.GetBytes(text), 0, JsonValueScanner.MaxDepth).ShouldBe(end);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2}")]
    [InlineData("[1, 2}")]
    [InlineData("{\"a\": 1]")]
    public void ContainerEnd_UnpairedBrackets_AreMalformed(string text)
    {
        JsonValueScanner.ContainerEnd(Encoding.UTF8.GetBytes(text), 0, JsonValueScanner.MaxDepth).ShouldBe(JsonValueScanner.Malformed);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2]")]
    [InlineData("[\"open")]
    [InlineData("[\"escape at the end\\")]
    public void ContainerEnd_CutValues_AreIncomplete(string text)
    {
        JsonValueScanner.ContainerEnd(Encoding.UTF8.GetBytes(text), 0, JsonValueScanner.MaxDepth).ShouldBe(JsonValueScanner.Incomplete);
    }

    [Fact]
    public void ContainerEnd_DeeperThanAllowed_IsMalformed()
    {
        var text = Encoding.UTF8.GetBytes(new string('[', 3) + new string(']', 3));
        JsonValueScanner.ContainerEnd(text, 0, 3).ShouldBe(6);
        JsonValueScanner.ContainerEnd(text, 0, 2).ShouldBe(JsonValueScanner.Malformed);
    }
}
