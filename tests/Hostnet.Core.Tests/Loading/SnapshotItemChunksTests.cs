using System.Text;
using Hostnet.Bench.P2;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// The items of a List tokenised on other threads (<see cref="SnapshotItemChunks"/>) against the same reader reading
/// every item itself: the same model, the same positions of every object, the same warnings and errors, in the same
/// order, for what kubectl prints and for every kind of broken input.
/// </summary>
public sealed class SnapshotItemChunksTests
{
    private const string Item = """
        {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {
                "annotations": {"note": "a \"quoted\" {brace} and \\ backslash", "kubectl.kubernetes.io/last-applied-configuration": "{\"kind\":\"Pod\",\"x\":[\"}\"]}"},
                "labels": {"app": "caf\u00e9", "tier": "b\"e", "emoji": "😀"},
                "managedFields": [{"fieldsV1": {"f:metadata": {"k:{\"type\":\"Ready\"}": {".": {}}}}, "manager": "x\\\"}]"}],
                "name": "NAME",
                "namespace": "default"
            },
            "spec": {
                "nodeName": "n1",
                "hostNetwork": true,
                "priority": -12,
                "containers": [{"name": "c", "image": "i", "args": ["--x=\"}]\"", "\t"], "ports": [{"containerPort": 9100, "hostPort": 9100, "protocol": "TCP"}],
                    "resources": {"requests": {"cpu": "1.5e2m", "memory": 1.25e3}}}],
                "volumes": [{"name": "v", "configMap": {"name": "]]}}\"{{"}}]
            },
            "status": {"phase": "Running", "podIP": "10.0.0.1", "images": [["}", "{"]], "conditions": [{"type": "Ready", "status": "True"}]}
        }
        """;

    private const string Node = """{"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","managedFields":[{"a":"\"{"}]},"status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},"images":[{"names":["x}"]}]}}""";

    public static TheoryData<string> Lists => new()
    {
        // Indented, as kubectl prints.
        List("\n", Node, Pod("p1"), Pod("p2")),
        // All on one line, and with CRLF line ends.
        List(string.Empty, Node, OneLine(Pod("p1"))),
        List("\r\n", Node, Pod("p1").ReplaceLineEndings("\r\n")),
        // The List's own fields after its items, the server version among them; an empty List; a byte-order mark.
        """{"items": [], "apiVersion": "v1", "kind": "List"}""",
        "\uFEFF" + List("\n", Node) + "\n",
        // Two Lists one after the other, and objects that are no List.
        List("\n", Node) + List("\n", Pod("p1")),
        """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}""",
        """{"items":[], "items":[]}""",
    };

    /// <summary>Broken inputs: each error where it is, and nothing read after it.</summary>
    public static TheoryData<string> Broken => new()
    {
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"na\\u006De\":\"q\"}}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\" \"namespace\":\"q\"}}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"priority\":012}}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"name\":\"q\"}}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"status\":{\"images\":[}]}}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\n \"metadata\":{\"managedFields\":[\n {\"a\":\n [1]}\n ], \"name\": \"p\" \"x\"}}"),
        List("\n", Node, "[1]"),
        List("\n", Node, "{\"kind\":\"Pod\"}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\u0001\"}}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"\\ud800\"}}}"),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"\\udc00x\":1}}"),
        List("\n", Node, Pod("p1")).Replace("},\n{", "}\n{", StringComparison.Ordinal),
        List("\n", Node, Pod("p1")).Replace("\n}],\n\"kind\"", "\n},\n],\n\"kind\"", StringComparison.Ordinal),
        List("\n", Node, Pod("p1")).Replace("[{", "[,{", StringComparison.Ordinal),
        List("\n", Node, Pod("p1"), "}"),
        """{"apiVersion":"v1","kind":"Pod","items":[]}""",
        List("\n", Node).TrimEnd('}'),
        List("\n", Node, Pod("p1"))[..^40],
        // Duplicate keys where an item reader keeps no positions (labels, a container, a condition): read again, placed.
        List("\n", Node, Pod("p1"), Pod("p2").Replace("\"tier\": \"b\\\"e\"", "\"tier\": \"b\\\"e\", \"app\": \"x\"", StringComparison.Ordinal), Pod("p3")),
        List("\n", Node, Pod("p1").Replace("\"image\": \"i\"", "\"image\": \"i\",\n \"name\": \"d\"", StringComparison.Ordinal), Pod("p2")),
        List("\n", Node, Pod("p1").Replace("\"status\": \"True\"}", "\"status\": \"True\", \"type\": \"X\"}", StringComparison.Ordinal)),
        List("\n", Node, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":{\"a\":[1,{\"b\":2}],\n\"a\":3}}}"),
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void ItemsInParallel_ReadAsTheStreamingReaderDoes(string text)
    {
        var (parallel, _) = ShouldAgree(Encoding.UTF8.GetBytes(text));
        parallel.Errors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void ItemsInParallel_ReportTheFirstErrorWhereTheStreamingReaderDoes(string text)
    {
        var (parallel, _) = ShouldAgree(Encoding.UTF8.GetBytes(text));
        parallel.Errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void ItemsInParallel_OnTheGeneratedP2Snapshot_ReadAsTheStreamingReaderDoes()
    {
        var file = Path.GetTempFileName();
        try
        {
            // Twenty nodes, 600 pods, about 9 MiB (buffers handed over): kubectl's layout, managedFields with escaped quotes and braces.
            new SnapshotGenerator(20, 30).Write(file);
            var (parallel, _) = ShouldAgree(File.ReadAllBytes(file));
            parallel.Errors.ShouldBeEmpty();
            parallel.Snapshot.Pods.Count.ShouldBe(600);
            parallel.Snapshot.Nodes.Count.ShouldBe(20);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ItemsInParallel_AcrossManyBuffers_KeepTheOrderOfObjectsDuplicatesAndTheFirstError()
    {
        // About 15 MiB: a dozen buffers, items cut by their ends, a duplicate in a later buffer than its first, then a
        // malformed item, then a second duplicate and a second malformed item that must not be reported.
        // An item of 3 MiB grows the buffer on the way.
        var items = new List<string> { Node, Pod("large").Replace("\"a \\\"quoted\\\"", "\"" + new string('x', 3 << 20), StringComparison.Ordinal) };
        for (var i = 0; i < 12_000; i++)
        {
            items.Add(Pod("p" + i));
        }

        var valid = List("\n", [.. items, Pod("p3")]);
        var (parallel, _) = ShouldAgree(Encoding.UTF8.GetBytes(valid));
        parallel.Errors.ShouldHaveSingleItem().Message.ShouldBe("duplicate Pod \"default/p3\" (first at line 84, column 1)");

        items.Insert(9_000, Pod("p5"));
        items.Insert(10_000, Pod("bad").Replace("\"Running\"", "\"Running\" 1", StringComparison.Ordinal));
        items.Insert(11_000, Pod("p7"));
        items.Insert(11_500, "{\"kind\": ]");
        (parallel, _) = ShouldAgree(Encoding.UTF8.GetBytes(List("\n", [.. items])));
        parallel.Errors.Count.ShouldBe(2);
        parallel.Errors[0].Message.ShouldBe("duplicate Pod \"default/p5\" (first at line 124, column 1)");
        parallel.Errors[1].Message.ShouldStartWith("malformed JSON: '1' is invalid after a value.");
    }

    [Fact]
    public void ItemsInParallel_PodsReadOnOtherThreads_ShareOneCopyOfTheirEqualParts()
    {
        // About 15 MiB: a dozen buffers, their items read by several item readers, all sharing with the builder's interner.
        var items = new List<string> { Node };
        for (var i = 0; i < 12_000; i++)
        {
            items.Add(Pod("p" + i));
        }

        var (parallel, _) = ShouldAgree(Encoding.UTF8.GetBytes(List("\n", [.. items])));
        var pods = parallel.Snapshot.Pods;
        pods.Count.ShouldBe(12_000);
        pods.Select(p => p.Pod.Spec.Containers).Distinct(ReferenceEqualityComparer.Instance).ShouldHaveSingleItem();
        pods.Select(p => p.Pod.Metadata.Labels).Distinct(ReferenceEqualityComparer.Instance).ShouldHaveSingleItem();
        pods.Select(p => p.Status.Conditions).Distinct(ReferenceEqualityComparer.Instance).ShouldHaveSingleItem();
    }

    [Fact]
    public void ItemsInParallel_AnUnterminatedStringBeforeMoreThanTheSizeLimit_IsReportedWhereItIs()
    {
        // The quote left open pairs every later quote wrongly: the brackets of the plain items after it all look like
        // string content, so the scanner never finds the item's end. The item is tokenised where it is, and the error
        // is the tokeniser's, not the size limit's, however much follows.
        var items = new List<string> { Node, Pod("p0"), """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"bad"},"spec":{"nodeName":"n1}}""" };
        for (var i = 0; i < 50_000; i++)
        {
            items.Add($$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"q{{{i}}}","namespace":"default"},"spec":{"nodeName":"n1"}}""");
        }

        var (parallel, _) = ShouldAgree(Encoding.UTF8.GetBytes(List("\n", [.. items])), SmallLimits);
        parallel.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("malformed JSON: '0x0A' is invalid within a JSON string.");
    }

    [Fact]
    public void ItemsInParallel_AnItemOverTheSizeLimitAfterAJumpedOne_IsReportedWhereTheStreamingReaderStands()
    {
        var huge = Pod("huge").Replace("\"a \\\"quoted\\\"", "\"" + new string('x', 5 << 20), StringComparison.Ordinal);
        var (parallel, _) = ShouldAgree(Encoding.UTF8.GetBytes(List("\n", Node, Pod("p0"), huge, Pod("p1"))), SmallLimits);
        parallel.Errors.ShouldHaveSingleItem().Message.ShouldBe("an object of the snapshot is larger than the 4 MiB limit");
    }

    private static LoaderLimits SmallLimits => LoaderLimits.Default with { MaxFileBytes = 4 << 20 };

    private static string Pod(string name) => Item.Replace("NAME", name, StringComparison.Ordinal);

    private static string List(string newline, params string[] items) =>
        $"{{{newline}\"apiVersion\": \"v1\",{newline}\"items\": [{string.Join("," + newline, items)}],{newline}\"kind\": \"List\",{newline}\"metadata\": {{\"annotations\": {{\"hostnet.dev/server-version\": \"v1.31.2\"}}}}{newline}}}";

    private static string OneLine(string text) => string.Join(' ', text.Split('\n').Select(l => l.Trim()));

    private static (ClusterReadResult Parallel, ClusterReadResult Streaming) ShouldAgree(byte[] bytes, LoaderLimits? limits = null)
    {
        var parallel = Read(bytes, itemsInParallel: true, limits ?? LoaderLimits.Default);
        var streaming = Read(bytes, itemsInParallel: false, limits ?? LoaderLimits.Default);
        parallel.Errors.ShouldBe(streaming.Errors);
        parallel.Warnings.ShouldBe(streaming.Warnings);
        SnapshotText.Model(parallel.Snapshot).ShouldBe(SnapshotText.Model(streaming.Snapshot));
        Sources(parallel.Snapshot).ShouldBe(Sources(streaming.Snapshot));
        return (parallel, streaming);
    }

    private static ClusterReadResult Read(byte[] bytes, bool itemsInParallel, LoaderLimits limits)
    {
        using var stream = new MemoryStream(bytes);
        return SnapshotReader.Read("cluster.json", stream, limits, KubeObject.KubernetesDefaultNamespace, itemsInParallel);
    }

    /// <summary>Every object's kept source (kind and names) with the position of each of its nodes.</summary>
    private static List<string> Sources(ClusterSnapshot snapshot)
    {
        IEnumerable<KubeObject> objects = [.. snapshot.Nodes, .. snapshot.Pods.Select(p => p.Pod), .. snapshot.Namespaces, .. snapshot.Services, .. snapshot.Workloads, .. snapshot.NetworkPolicies];
        var lines = new List<string>();
        foreach (var read in objects)
        {
            Flatten(read.Source.Root, string.Empty, lines);
        }

        return lines;
    }

    private static void Flatten(SourceNode node, string path, List<string> lines)
    {
        lines.Add($"{path} @{node.Position.Line}:{node.Position.Column} {(node as SourceScalar)?.Value}");
        if (node is SourceMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                lines.Add($"{path}.{entry.Key} key@{entry.KeyPosition.Line}:{entry.KeyPosition.Column}");
                Flatten(entry.Value, path + "." + entry.Key, lines);
            }
        }
    }
}
