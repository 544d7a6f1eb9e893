using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Hostnet.Core.Tests.Support;
using Hostnet.Dist.Tests.Support;
using Shouldly;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Hostnet.Dist.Tests;

/// <summary>
/// The native binary as a kubectl plugin: named <c>kubectl-hostnet</c> on PATH, kubectl lists it and runs it for
/// <c>kubectl hostnet …</c> (kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/cmd/plugin, v1.32). The Krew
/// release that plugins/release.sh makes installs the same way Krew does it: the archive's files, then
/// <c>kubectl-hostnet</c> linked to the manifest's <c>bin</c>.
/// </summary>
public sealed class KubectlPluginTests : IDisposable
{
    private static readonly InstalledTool Tool = InstalledTool.Instance;
    private readonly string _folder = Directory.CreateTempSubdirectory("hostnet-kubectl-plugin-").FullName;
    private readonly string _kubectl = ExternalProgram.Require("kubectl", "kubectl (or kubernetes-client)");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void PluginList_FindsKubectlHostnetOnThePath()
    {
        var plugins = PluginFolder(Tool.Executable);

        var output = ExternalProgram.RunOk(_kubectl, ["plugin", "list"], environment: OnPath(plugins));

        output.ShouldContain(Path.Combine(plugins, "kubectl-hostnet") + "\n");
    }

    [Fact]
    public void KubectlHostnetCheck_PrintsWhatHostnetCheckPrints()
    {
        var plugins = PluginFolder(Tool.Executable);

        var viaKubectl = ExternalProgram.Run(_kubectl, ["hostnet", "check", "examples/"], environment: OnPath(plugins));
        var direct = ExternalProgram.Run(Tool.Hostnet, ["check", "examples/"]);

        viaKubectl.ExitCode.ShouldBe(1, viaKubectl.ToString());
        viaKubectl.ShouldBe(direct);
    }

    [Fact]
    public void KrewRelease_InstalledAsKrewDoes_RunsAsAPlugin()
    {
        var release = Path.Combine(_folder, "release");
        ExternalProgram.RunOk(Path.Combine(RepositoryPaths.Root, "plugins", "release.sh"), [Tool.Executable, release]);
        var archive = Path.Combine(release, "hostnet_linux_amd64.tar.gz");
        var manifest = Load(Path.Combine(release, "hostnet.yaml"));
        var platform = (YamlMappingNode)((YamlSequenceNode)manifest["spec"]["platforms"]).Single();

        Scalar(manifest["apiVersion"]).ShouldBe("krew.googlecontainertools.github.com/v1alpha2");
        Scalar(manifest["kind"]).ShouldBe("Plugin");
        Scalar(manifest["metadata"]["name"]).ShouldBe("hostnet");
        Scalar(manifest["spec"]["version"]).ShouldBe($"v{ProjectVersion.Value}");
        Scalar(platform["uri"]).ShouldEndWith($"/v{ProjectVersion.Value}/hostnet_linux_amd64.tar.gz");
        Scalar(platform["sha256"]).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(archive))));

        // Krew: unpack, copy each `files` entry, link kubectl-<name> to `bin` in a folder on PATH.
        var unpacked = Directory.CreateDirectory(Path.Combine(_folder, "unpacked")).FullName;
        using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, unpacked, overwriteFiles: false);
        }

        var installed = Directory.CreateDirectory(Path.Combine(_folder, "store")).FullName;
        foreach (YamlMappingNode file in (YamlSequenceNode)platform["files"])
        {
            File.Copy(Path.Combine(unpacked, Scalar(file["from"])), Path.Combine(installed, Scalar(file["from"])));
        }

        var bin = Path.Combine(installed, Scalar(platform["bin"]));
        File.GetUnixFileMode(bin).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
        var plugins = PluginFolder(bin);
        var output = ExternalProgram.RunOk(_kubectl, ["hostnet", "--version"], environment: OnPath(plugins));
        output.ShouldStartWith(ProjectVersion.Value + "+");
    }

    [Fact]
    public void Manifest_IsTheTemplateTheReleaseFillsIn()
    {
        var committed = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "plugins", "hostnet.yaml"));
        var release = Path.Combine(_folder, "release");
        ExternalProgram.RunOk(Path.Combine(RepositoryPaths.Root, "plugins", "release.sh"), [Tool.Executable, release]);

        var written = File.ReadAllLines(Path.Combine(release, "hostnet.yaml"));

        // The committed manifest names the current version; the release fills in the sha256 and changes nothing else.
        committed.ShouldContain($"  version: v{ProjectVersion.Value}");
        written.Length.ShouldBe(committed.Length);
        written.Zip(committed).Where(pair => pair.First != pair.Second).Select(pair => pair.Second.Trim().Split(':')[0]).ShouldBe(["sha256"]);
    }

    /// <summary>A folder holding only <c>kubectl-hostnet</c>, a link to <paramref name="executable"/>.</summary>
    private string PluginFolder(string executable)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "bin-" + Guid.NewGuid().ToString("N"))).FullName;
        File.CreateSymbolicLink(Path.Combine(folder, "kubectl-hostnet"), executable);
        return folder;
    }

    /// <summary>PATH with the plugin folder and the system folders only, so that no other plugin of this machine shows.</summary>
    private static Dictionary<string, string> OnPath(string folder) => new() { ["PATH"] = $"{folder}:/usr/local/bin:/usr/bin:/bin" };

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;
}
