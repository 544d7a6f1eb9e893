using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Tests.Support;

namespace Hostnet.Core.Tests.Support;

/// <summary>Reading snapshots in tests: from text, from testdata/cluster, and the model as comparable text.</summary>
internal static class SnapshotText
{
    private static readonly JsonSerializerOptions ModelOptions = new()
    {
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            // The source trees differ by design (JSON keeps fewer fields); everything read from them must not.
            Modifiers = { info => RemoveSources(info) },
        },
    };

    public static ClusterReadResult Read(string text, string path = "cluster.json", LoaderLimits? limits = null) =>
        Read(Encoding.UTF8.GetBytes(text), path, limits);

    public static ClusterReadResult Read(byte[] bytes, string path = "cluster.json", LoaderLimits? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        return SnapshotReader.Read(path, stream, limits ?? LoaderLimits.Default);
    }

    public static ClusterReadResult ReadFixture(string name)
    {
        using var stream = File.OpenRead(Path.Combine(RepositoryPaths.TestData, "cluster", name));
        return SnapshotReader.Read(name, stream);
    }

    /// <summary>The whole typed model of the snapshot as indented JSON, source trees left out.</summary>
    public static string Model(ClusterSnapshot snapshot) => JsonSerializer.Serialize(snapshot, ModelOptions);

    private static void RemoveSources(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            // Volumes too: the JSON reader skips them unread (SnapshotTrimming); only Pod Security of the input reads them.
            if (info.Properties[i].PropertyType == typeof(ManifestDocument) || info.Properties[i].Name == nameof(Hostnet.Core.Model.PodSpec.Volumes))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
