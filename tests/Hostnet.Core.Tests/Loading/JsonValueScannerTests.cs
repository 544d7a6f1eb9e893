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

    [Theory]
    [InlineData("{\"a\": \\\"}\"}")]
    [InlineData("[\\, \"]\"], 1]")]
    public void ContainerEnd_BackslashOutsideStrings_ReadsAsTheByteScanDid(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        JsonValueScanner.ContainerEnd(bytes, 0, JsonValueScanner.MaxDepth).ShouldBe(ReferenceEnd(bytes, 0, JsonValueScanner.MaxDepth));
    }

    [Fact]
    public void ContainerEnd_AcrossBlocks_CountsTheNewlinesOfTheValue()
    {
        var text = Encoding.UTF8.GetBytes("x{\n    \"a\": \"" + new string('\\', 63) + "\"\",\n    \"b\": [\n        {}\n    ]\n}\n\n");
        var end = JsonValueScanner.ContainerEnd(text, 1, JsonValueScanner.MaxDepth, out var newlines);

        end.ShouldBe(text.Length - 2);
        newlines.ShouldBe(new JsonValueScanner.Newlines(5, end - 2));
    }

    /// <summary>
    /// Random texts of brackets, quotes, backslashes, newlines and letters, long enough to cross several 64-byte blocks:
    /// the block scan finds the same end, the same error and the same newlines as a byte-at-a-time reading of the text.
    /// </summary>
    [Fact]
    public void ContainerEnd_RandomTexts_AgreeWithAByteAtATimeReading()
    {
        var random = new Random(16);
        for (var round = 0; round < 20_000; round++)
        {
            var text = RandomText(random, random.Next(1, 400));
            var maxDepth = random.Next(1, 12);
            var expected = ReferenceEnd(text, 0, maxDepth);
            var end = JsonValueScanner.ContainerEnd(text, 0, maxDepth, out var newlines);

            end.ShouldBe(expected, Encoding.UTF8.GetString(text));
            if (end >= 0)
            {
                var value = text.AsSpan(0, end);
                newlines.ShouldBe(new JsonValueScanner.Newlines(value.Count((byte)'\n'), value.LastIndexOf((byte)'\n')));
            }
        }
    }

    /// <summary>Mostly paired brackets (so that many values end), and quotes, backslashes and newlines anywhere.</summary>
    private static byte[] RandomText(Random random, int length)
    {
        var text = new byte[length];
        var open = new Stack<byte>();
        for (var i = 0; i < length; i++)
        {
            var pick = random.Next(100);
            text[i] = i == 0 || pick < 12 ? (random.Next(2) == 0 ? (byte)'{' : (byte)'[')
                : pick < 22 && open.Count > 0 ? (open.Peek() == (byte)'{' ? (byte)'}' : (byte)']')
                : pick < 23 ? "}]"u8[random.Next(2)]
                : pick < 40 ? (byte)'"'
                : pick < 48 ? (byte)'\\'
                : pick < 55 ? (byte)'\n'
                : "ab :,"u8[random.Next(5)];
            if (text[i] is (byte)'{' or (byte)'[')
            {
                open.Push(text[i]);
            }
            else if (text[i] is (byte)'}' or (byte)']' && open.Count > 0)
            {
                open.Pop();
            }
        }

        return text;
    }

    /// <summary>The end as a reader that looks at one byte after the other finds it: outside strings, a quote opens one; inside, a backslash escapes the next byte.</summary>
    private static int ReferenceEnd(byte[] text, int start, int maxDepth)
    {
        var open = new Stack<byte>();
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var b = text[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    if (open.Count >= maxDepth)
                    {
                        return JsonValueScanner.Malformed;
                    }

                    open.Push(b);
                    break;
                case (byte)'}' or (byte)']':
                    if (open.Count == 0 || open.Pop() != (b == (byte)'}' ? (byte)'{' : (byte)'['))
                    {
                        return JsonValueScanner.Malformed;
                    }

                    if (open.Count == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return JsonValueScanner.Incomplete;
    }
}
