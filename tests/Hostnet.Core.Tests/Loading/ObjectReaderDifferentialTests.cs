using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// <see cref="ObjectReader"/> finds a mapping's fields in one pass over its entries; <see cref="KeyLookupObjectReader"/>
/// looks each field up by key. On every fixture document and on variants of it with keys written twice (the first
/// entry must win), values made null or of the wrong type, and mappings grown past the linear-search limit, both must
/// read the same model, field by field.
/// </summary>
public sealed class ObjectReaderDifferentialTests
{
    private const int VariantsPerDocument = 12;

    /// <summary>A pod with the status a snapshot records, for the status readers (the fixtures have few).</summary>
    private const string PodWithStatus = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: n
          deletionTimestamp: "2026-12-05T21:46:00Z"
          ownerReferences:
          - {kind: ReplicaSet, name: r, controller: false}
          - {kind: DaemonSet, name: d, controller: true}
          - plain
        spec:
          hostNetwork: true
          containers:
          - name: a
            ports: [{containerPort: 80, hostPort: 80}]
        status:
          phase: Running
          hostIP: 10.0.0.1
          podIP: 10.0.0.1
          replicas: 3
          readyReplicas: 2
          conditions:
          - {type: Ready, status: "True", reason: r, message: m}
          initContainerStatuses:
          - {name: init, containerID: "containerd://1", state: {terminated: {exitCode: 0}}}
          containerStatuses:
          - {name: a, containerID: "containerd://2", state: {running: {startedAt: "2026-12-05T21:46:00Z"}}}
          - {name: b, state: {running: {startedAt: "2026-12-05T21:46:00.5+01:00"}}}
          - {name: c, state: {running: {startedAt: "2026-02-30T21:46:00Z"}}}
          - {name: d, state: {running: {startedAt: not a time}}}
          - {name: e, state: {running: {}}}
        """;

    public static TheoryData<string> Files() => RepositoryPaths.ManifestFixtures();

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_FixtureAndVariants_SameModelAsLookupByKey(string name) =>
        AssertSameReads(File.ReadAllText(Path.Combine(RepositoryPaths.Root, name)), name);

    [Fact]
    public void ReadPodStatus_PodWithStatusAndVariants_SameAsLookupByKey() => AssertSameReads(PodWithStatus, "status.yaml");

    private static void AssertSameReads(string text, string name)
    {
        LoadResult loaded;
        try
        {
            loaded = new ManifestLoader().Load(new SourceFile(name, text));
        }
        catch (InputException)
        {
            return;
        }

        var random = new Random(name.Length);
        foreach (var document in loaded.Documents)
        {
            AssertSameReads(document);
            for (var i = 0; i < VariantsPerDocument; i++)
            {
                AssertSameReads(document with { Root = (SourceMapping)Mutate(document.Root, random) });
            }
        }
    }

    private static void AssertSameReads(ManifestDocument document)
    {
        Dump(ObjectReader.Read(document)).ShouldBe(Dump(KeyLookupObjectReader.Read(document)));
        Dump(ObjectReader.ReadPodStatus(document)).ShouldBe(Dump(KeyLookupObjectReader.ReadPodStatus(document)));
        Dump(ObjectReader.ReadOwnerReferences(document)).ShouldBe(Dump(KeyLookupObjectReader.ReadOwnerReferences(document)));
        Dump(ObjectReader.ReadWorkloadStatus(document)).ShouldBe(Dump(KeyLookupObjectReader.ReadWorkloadStatus(document)));
    }

    /// <summary>Values a field should not have, or should not have twice.</summary>
    private static SourceNode OddValue(Random random, SourcePosition at) => random.Next(10) switch
    {
        0 => new SourceScalar(at, "null", ScalarStyle.Plain),
        1 => new SourceScalar(at, string.Empty, ScalarStyle.Plain),
        2 => new SourceScalar(at, "x", ScalarStyle.Plain),
        3 => new SourceScalar(at, "8080", ScalarStyle.Plain),
        4 => new SourceScalar(at, "8080", ScalarStyle.Quoted),
        5 => new SourceScalar(at, "true", ScalarStyle.Plain),
        6 => new SourceMapping(at, []),
        7 => new SourceSequence(at, []),
        8 => new SourceSequence(at, [new SourceScalar(at, "a", ScalarStyle.Plain), new SourceScalar(at, "~", ScalarStyle.Plain), new SourceMapping(at, [])]),
        _ => new SourceMapping(at, [new MappingEntry("port", at, ScalarStyle.Plain, new SourceScalar(at, "9090", ScalarStyle.Plain))]),
    };

    /// <summary>A copy of the tree with some values made odd, some keys written twice, and some mappings grown.</summary>
    private static SourceNode Mutate(SourceNode node, Random random)
    {
        switch (node)
        {
            case SourceMapping mapping:
                var entries = new List<MappingEntry>();
                foreach (var entry in mapping.Entries)
                {
                    var value = random.Next(12) == 0 ? OddValue(random, entry.ValuePosition) : Mutate(entry.Value, random);
                    var kept = new MappingEntry(entry.Key, entry.KeyPosition, entry.KeyStyle, value);
                    if (random.Next(8) == 0)
                    {
                        var twice = new MappingEntry(entry.Key, entry.KeyPosition, entry.KeyStyle, random.Next(2) == 0 ? OddValue(random, entry.ValuePosition) : Mutate(entry.Value, random));
                        entries.AddRange(random.Next(2) == 0 ? [kept, twice] : [twice, kept]);
                    }
                    else
                    {
                        entries.Add(kept);
                    }
                }

                if (random.Next(10) == 0)
                {
                    // Past SourceMapping.LinearSearchLimit a mapping looks its keys up in a dictionary.
                    for (var i = 0; i <= SourceMapping.LinearSearchLimit; i++)
                    {
                        entries.Insert(random.Next(entries.Count + 1), new MappingEntry($"x-{i}", mapping.Position, ScalarStyle.Plain, OddValue(random, mapping.Position)));
                    }
                }

                return new SourceMapping(mapping.Position, [.. entries]);
            case SourceSequence sequence:
                return new SourceSequence(sequence.Position, [.. sequence.Items.Select(item => random.Next(20) == 0 ? OddValue(random, item.Position) : Mutate(item, random))]);
            default:
                return node;
        }
    }

    /// <summary>Every public property of the model, recursively, as text (the document and tree nodes by reference only).</summary>
    private static string Dump(object? model)
    {
        var text = new StringBuilder();
        Dump(model, text, 0);
        return text.ToString();
    }

    private static void Dump(object? value, StringBuilder text, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case DateTimeOffset time:
                text.Append(time.ToString("O", CultureInfo.InvariantCulture)).Append(' ').Append(time.Offset);
                return;
            case ManifestDocument document:
                text.Append("document ").Append(document.File).Append(' ').Append(document.Kind);
                return;
            case SourceNode node:
                text.Append("node at ").Append(node.Position);
                return;
            case IFormattable or bool or char:
                text.Append(value.GetType().Name).Append(' ').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }

        depth.ShouldBeLessThan(40, "the model should be a tree");
        if (value is IEnumerable items)
        {
            text.Append('[');
            foreach (var item in items)
            {
                Dump(item, text, depth + 1);
                text.Append(", ");
            }

            text.Append(']');
            return;
        }

        var type = value.GetType();
        text.Append(type.Name).Append(" {");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            text.Append(' ').Append(property.Name).Append(" = ");
            Dump(property.GetValue(value), text, depth + 1);
            text.Append(';');
        }

        text.Append(" }");
    }
}
