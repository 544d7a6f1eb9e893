using System.Text;
using System.Text.Json;
using Hostnet.Bench.P2;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// The item readers' fast path (an item read straight from its bytes) against the tokenising path on the same item:
/// the same tree, node for node, with the same positions, wherever the fast path takes the item; and it gives up on
/// every item the tokeniser rejects or stops at. On what kubectl prints it must take every item.
/// </summary>
public sealed class SnapshotWholeItemTests
{
    private static readonly string[] Keys =
    [
        "apiVersion", "kind", "metadata", "spec", "status", "name", "namespace", "labels", "annotations", "managedFields",
        "ownerReferences", "controller", "containers", "ports", "hostPort", "nodeSelector", "volumes", "path", "conditions",
        "type", "phase", "images", "allocatable", "template", "kubectl.kubernetes.io/last-applied-configuration", "x",
        "b\\\"c", "na\\u006De", "caf\u00e9", "\\ud800",
    ];

    private static readonly string[] Kinds = ["Pod", "Node", "Service", "ConfigMap", "Deployment", "P\\u006fd"];

    private static readonly string[] StringParts =
    [
        "x", "{", "}", "[", "]", "\\\"", "\\\\", "\\n", "\\/", "\\u00e9", "\\ud800", "\\uD83D\\uDE00", "\u00e9", "😀", " ", ":", ",",
        "\t", "\\x", "\\u12", "\u007f",
    ];

    private static readonly string[] Scalars =
    [
        "0", "-12", "1.5e3", "2E-3", "-0.25", "123456789012345678901234567890", "true", "false", "null",
        "01", "1.", "-", "1e", ".5", "+1", "tru", "nul", "truex", "0x1", "1.5e+",
    ];

    private static readonly string[] Spaces = ["", " ", "\n    ", "\r\n  ", "\t", "\n"];

    private readonly Dictionary<int, SnapshotJsonReader> _readers = [];

    [Fact]
    public void GeneratedItems_ReadStraightFromTheirBytes_AreTheTokenisedTrees()
    {
        var random = new Random(16);
        var taken = 0;
        for (var i = 0; i < 4000; i++)
        {
            var limits = LoaderLimits.Default with { MaxDepth = (i % 3) switch { 0 => 8, 1 => 30, _ => LoaderLimits.Default.MaxDepth } };
            var text = new StringBuilder();
            WriteItem(random, text, deep: i % 7 == 0);
            var bytes = Mutate(random, Encoding.UTF8.GetBytes(text.ToString()), i % 4 == 0);
            var end = bytes.Length > 0 && bytes[0] == (byte)'{' ? JsonValueScanner.ContainerEnd(bytes, 0, JsonValueScanner.MaxDepth) : -1;
            if (end < 0)
            {
                // Not an item the streaming reader would hand over whole.
                continue;
            }

            foreach (var placeEverything in (ReadOnlySpan<bool>)[false, true])
            {
                taken += ShouldAgree(bytes, new SnapshotJsonReader.Item(0, end, new SnapshotJsonReader.Lines(0, 1, 0), new SourcePosition(1, 1)), limits, placeEverything) ? 1 : 0;
            }
        }

        // The generated items are mostly plain: a fast path that gave up on everything would pass the rest.
        taken.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void TheP2Snapshot_EveryItemIsReadStraightFromItsBytes_AsTheTokeniserReadsIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            new SnapshotGenerator(4, 30).Write(file);
            var bytes = File.ReadAllBytes(file);
            var items = ItemsOf(bytes);
            items.Count.ShouldBeGreaterThan(120);
            foreach (var item in items)
            {
                ShouldAgree(bytes, item, LoaderLimits.Default, placeEverything: false).ShouldBeTrue($"gave up on the item at {item.Position}");
                ShouldAgree(bytes, item, LoaderLimits.Default, placeEverything: true).ShouldBeTrue($"gave up on the item at {item.Position}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void KubectlsEscapesInKeptStrings_AreReadStraightFromTheBytes_AsTheTokeniserReadsThem()
    {
        // kubectl (Go's encoder) writes &, < and > as \u0026, \u003c and \u003e; annotations often hold JSON with escaped quotes.
        var bytes = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default",
              "annotations":{"a/status":"{\"ip\":\"10.0.0.1\",\"x\":\"\u003cy\u003e\"}"}},
              "spec":{"containers":[{"name":"c","image":"i","args":["sh","-c","a \u0026\u0026 b\n\t\/\u00e9\uD83D\uDE00"]}]}}
            """u8.ToArray();
        var item = new SnapshotJsonReader.Item(0, bytes.Length, new SnapshotJsonReader.Lines(0, 1, 0), new SourcePosition(1, 1));
        ShouldAgree(bytes, item, LoaderLimits.Default, placeEverything: false).ShouldBeTrue();
        ShouldAgree(bytes, item, LoaderLimits.Default, placeEverything: true).ShouldBeTrue();
    }

    /// <summary>Whether the fast path took the item (and built what the tokeniser builds).</summary>
    private bool ShouldAgree(byte[] bytes, SnapshotJsonReader.Item item, LoaderLimits limits, bool placeEverything)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(item.Start, item.End - item.Start));
        if (!_readers.TryGetValue(limits.MaxDepth, out var reader))
        {
            // One per nesting limit, as an item reader reads item after item (its string table is large).
            reader = SnapshotJsonReader.ForItems("cluster.json", limits, new PodInterner());
            _readers.Add(limits.MaxDepth, reader);
        }

        var whole = reader.ReadItemForTests(bytes, item, placeEverything, whole: true);
        SourceNode? tokenised;
        try
        {
            tokenised = reader.ReadItemForTests(bytes, item, placeEverything, whole: false);
        }
        catch (Exception error) when (error is JsonException or InputException)
        {
            whole.ShouldBeNull($"the tokeniser: {error.Message} in {text}");
            return false;
        }

        if (whole is null)
        {
            return false;
        }

        // Null: the tokeniser stopped at a duplicate key, which the fast path must not take either.
        tokenised.ShouldNotBeNull(text);
        ParserComparison.Dump([whole]).ShouldBe(ParserComparison.Dump([tokenised]), text);
        return true;
    }

    /// <summary>The items of the List in <paramref name="bytes"/>, with the lines counted up to each.</summary>
    private static List<SnapshotJsonReader.Item> ItemsOf(byte[] bytes)
    {
        var items = new List<SnapshotJsonReader.Item>();
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("items"u8)))
        {
        }

        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var before = bytes.AsSpan(0, start);
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var line = before.Count((byte)'\n') + 1;
            items.Add(new SnapshotJsonReader.Item(start, (int)reader.BytesConsumed, new SnapshotJsonReader.Lines(start, line, lineStart), new SourcePosition(line, start - lineStart + 1)));
        }

        return items;
    }

    private static void WriteItem(Random random, StringBuilder text, bool deep)
    {
        text.Append('{').Append(Space(random)).Append("\"apiVersion\":").Append(Space(random)).Append("\"v1\",").Append(Space(random));
        text.Append("\"kind\":").Append(Space(random)).Append('"').Append(Kinds[random.Next(Kinds.Length)]).Append('"');
        var count = random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            text.Append(',').Append(Space(random)).Append('"').Append(Key(random)).Append("\":").Append(Space(random));
            WriteValue(random, text, deep ? random.Next(20, 70) : random.Next(1, 7));
        }

        text.Append(Space(random)).Append('}');
    }

    private static void WriteValue(Random random, StringBuilder text, int depth)
    {
        switch (depth <= 0 ? random.Next(2) : random.Next(5))
        {
            case 0:
                WriteString(random, text);
                break;
            case 1:
                text.Append(random.Next(4) == 0 ? Scalars[random.Next(Scalars.Length)] : Scalars[random.Next(9)]);
                break;
            case 2:
                text.Append('[').Append(Space(random));
                var items = Width(random, depth, 4);
                for (var i = 0; i < items; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty).Append(Space(random));
                    WriteValue(random, text, depth - 1);
                }

                text.Append(Space(random)).Append(']');
                break;
            default:
                text.Append('{').Append(Space(random));
                var entries = Width(random, depth, 5);
                for (var i = 0; i < entries; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty).Append(Space(random)).Append('"').Append(Key(random)).Append('"').Append(Space(random)).Append(':').Append(Space(random));
                    WriteValue(random, text, depth - 1);
                }

                text.Append(Space(random)).Append('}');
                break;
        }
    }

    /// <summary>How many values a container holds: one on the way down a deep nesting, so that the text stays small.</summary>
    private static int Width(Random random, int depth, int most) => depth > 4 ? 1 : random.Next(most);

    private static void WriteString(Random random, StringBuilder text)
    {
        text.Append('"');
        var parts = random.Next(4);
        for (var i = 0; i < parts; i++)
        {
            // Mostly plain text, as kubectl's strings are.
            text.Append(random.Next(3) == 0 ? StringParts[random.Next(StringParts.Length)] : StringParts[random.Next(5)]);
        }

        text.Append('"');
    }

    private static string Key(Random random) => random.Next(8) == 0 ? Keys[random.Next(Keys.Length)] : Keys[random.Next(Keys.Length - 3)];

    private static string Space(Random random) => Spaces[random.Next(Spaces.Length)];

    /// <summary>A byte deleted, inserted or changed somewhere, or the text cut short (then closed), when <paramref name="mutate"/>.</summary>
    private static byte[] Mutate(Random random, byte[] bytes, bool mutate)
    {
        if (!mutate || bytes.Length < 2)
        {
            return bytes;
        }

        var list = bytes.ToList();
        var at = random.Next(1, list.Count - 1);
        ReadOnlySpan<byte> inserted = ",:{}[]\"\\ x0\n"u8;
        switch (random.Next(4))
        {
            case 0:
                list.RemoveAt(at);
                break;
            case 1:
                list.Insert(at, inserted[random.Next(inserted.Length)]);
                break;
            case 2:
                list[at] = inserted[random.Next(inserted.Length)];
                break;
            default:
                list.RemoveRange(at, list.Count - at);
                list.Add((byte)'}');
                break;
        }

        return [.. list];
    }
}
