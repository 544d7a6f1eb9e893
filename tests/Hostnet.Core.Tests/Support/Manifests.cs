using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Tests.Support;

/// <summary>Builds model objects from YAML text, as the checker reads them.</summary>
internal static class Manifests
{
    /// <summary>A workload (or Pod) from one document.</summary>
    public static Workload Workload(string text)
    {
        var document = new ManifestLoader().Load(new SourceFile("test.yaml", text)).Documents.Single();
        return (Workload)ObjectReader.Read(document)!;
    }

    /// <summary>The container of a host-network Pod whose only container is <paramref name="container"/> (flow YAML).</summary>
    public static Container Container(string container) =>
        Workload($"{{apiVersion: v1, kind: Pod, metadata: {{name: p}}, spec: {{hostNetwork: true, containers: [{container}]}}}}").Spec.Containers[0];
}
