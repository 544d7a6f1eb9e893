using Hostnet.Core.Tests.Support;
using Hostnet.Dist.Tests.Support;
using Shouldly;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Hostnet.Dist.Tests;

/// <summary>
/// deploy/webhook/ is a kustomization: kubectl's own kustomize renders it into exactly the objects of its files, and
/// hostnet finds nothing in the result.
/// </summary>
public sealed class KustomizeTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "deploy", "webhook");
    private readonly string _folder = Directory.CreateTempSubdirectory("hostnet-kustomize-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Render_HoldsEveryObjectOfTheFolder()
    {
        var rendered = Render();
        var files = Directory.GetFiles(Folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml");

        Objects(rendered).Order(StringComparer.Ordinal).ShouldBe(
            files.SelectMany(f => Objects(File.ReadAllText(f))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Render_CheckedByHostnet_FindsNothing()
    {
        var rendered = Path.Combine(_folder, "webhook.yaml");
        File.WriteAllText(rendered, Render());

        var result = ExternalProgram.Run(InstalledTool.Instance.Hostnet, ["check", rendered, "--fail-on", "info"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldEndWith("8 objects: 0 errors, 0 warnings, 0 info\n");
    }

    private static string Render() =>
        ExternalProgram.RunOk(ExternalProgram.Require("kubectl", "kubectl (or kubernetes-client)"), ["kustomize", Folder]);

    /// <summary>"Kind namespace/name" of every document.</summary>
    private static List<string> Objects(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).Select(o =>
        {
            var metadata = (YamlMappingNode)o["metadata"];
            var space = metadata.Children.TryGetValue("namespace", out var ns) ? ((YamlScalarNode)ns).Value : "";
            return $"{o["kind"]} {space}/{metadata["name"]}";
        }).ToList();
    }
}
