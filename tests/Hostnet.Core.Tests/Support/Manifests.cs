using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Tests.Support;

/// <summary>Reads the typed model from YAML text, for tests of semantics below the rules.</summary>
internal static class Manifests
{
    public static IReadOnlyList<KubeObject> Read(string text, string file = "test.yaml") =>
        new ManifestLoader().Load(new SourceFile(file, text)).Documents.Select(ObjectReader.Read).OfType<KubeObject>().ToList();

    public static Workload Workload(string text) => Read(text).OfType<Workload>().Single();
}
