using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Tests.Support;

/// <summary>Reads model objects from YAML text, for tests of the semantics below the rules.</summary>
internal static class Objects
{
    public static IReadOnlyList<KubeObject> Read(string yaml) =>
        [.. new ManifestLoader().Load(new SourceFile("objects.yaml", yaml)).Documents.Select(ObjectReader.Read).OfType<KubeObject>()];

    public static T One<T>(string yaml)
        where T : KubeObject => Read(yaml).OfType<T>().Single();

    /// <summary>A Node with labels (a YAML flow mapping) and taints written as <c>key=value:Effect</c> or <c>key:Effect</c>.</summary>
    public static Node Node(string name, string labels = "{}", params string[] taints)
    {
        var yaml = $"apiVersion: v1\nkind: Node\nmetadata:\n  name: {name}\n  labels: {labels}\nspec:\n  taints:\n";
        foreach (var taint in taints)
        {
            var colon = taint.LastIndexOf(':');
            var keyValue = taint[..colon].Split('=', 2);
            yaml += $"    - {{key: {keyValue[0]}, value: \"{(keyValue.Length > 1 ? keyValue[1] : string.Empty)}\", effect: {taint[(colon + 1)..]}}}\n";
        }

        return One<Node>(yaml);
    }

    /// <summary>The pod spec of a Pod whose <c>spec</c> is the given YAML block (indented by two spaces).</summary>
    public static PodSpec Spec(string specYaml) =>
        One<Workload>($"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n{specYaml}").Spec;
}
