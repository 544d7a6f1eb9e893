using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Hostnet.Core.Tests.Support;
using Hostnet.Dist.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Dist.Tests;

/// <summary>
/// The .NET tool is RID-specific (.NET 10): a pointer package names one package per runtime identifier, and
/// <c>dotnet tool install</c> picks linux-x64's NativeAOT binary here and the framework-dependent <c>any</c> package
/// where no native build exists (docs: learn.microsoft.com/dotnet/core/tools/rid-specific-tools).
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly InstalledTool Tool = InstalledTool.Instance;

    [Fact]
    public void Pack_MakesThePointerPackageAndOnePackagePerRuntime()
    {
        Directory.GetFiles(Tool.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(
        [
            $"Hostnet.Tool.{ProjectVersion.Value}.nupkg",
            $"Hostnet.Tool.any.{ProjectVersion.Value}.nupkg",
            $"Hostnet.Tool.linux-x64.{ProjectVersion.Value}.nupkg",
        ]);

        using var pointer = ZipFile.OpenRead(Path.Combine(Tool.Feed, $"Hostnet.Tool.{ProjectVersion.Value}.nupkg"));
        var settings = XDocument.Load(pointer.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open());
        settings.Descendants("RuntimeIdentifierPackage")
            .Select(p => $"{p.Attribute("RuntimeIdentifier")!.Value} -> {p.Attribute("Id")!.Value}")
            .ShouldBe(["linux-x64 -> Hostnet.Tool.linux-x64", "any -> Hostnet.Tool.any"]);
    }

    [Fact]
    public void Install_OnLinuxX64_GivesTheNativeBinary()
    {
        var executable = Tool.Executable;
        var bytes = File.ReadAllBytes(executable);

        bytes[..4].ShouldBe("\u007fELF"u8.ToArray());
        // A .NET apphost only starts the runtime (it loads libhostfxr.so, then hostnet.dll); NativeAOT needs neither.
        Encoding.ASCII.GetString(bytes).ShouldNotContain("libhostfxr.so");
        Directory.GetFiles(Path.GetDirectoryName(executable)!, "*.dll").ShouldBeEmpty();
    }

    [Fact]
    public void Install_OnLinuxX64_ReportsFindings()
    {
        var result = ExternalProgram.Run(Tool.Hostnet, ["check", "examples/nginx-hostnetwork-with-ports.yaml", "--format", "json", "--fail-on", "warning"]);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("\"rule\": \"HN030\"");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public void AnyPackage_TheFallbackOfOtherPlatforms_RunsOnTheDotnetRuntimeAsTheNativeBinaryDoes()
    {
        // What `dotnet tool install` gives a platform without a native build. Installing it for another architecture
        // here needs that architecture's apphost pack, which this offline machine lacks; so the package is unpacked
        // and run as the tool's shim runs it: dotnet hostnet.dll.
        var unpacked = Path.Combine(Tool.Root, "any-package");
        ZipFile.ExtractToDirectory(Path.Combine(Tool.Feed, $"Hostnet.Tool.any.{ProjectVersion.Value}.nupkg"), unpacked);
        var tools = Path.Combine(unpacked, "tools", "net10.0", "any");
        var command = XDocument.Load(Path.Combine(tools, "DotnetToolSettings.xml")).Descendants("Command").Single();
        command.Attribute("Runner")!.Value.ShouldBe("dotnet");
        command.Attribute("EntryPoint")!.Value.ShouldBe("hostnet.dll");
        string[] check = ["check", "examples/", "--format", "json"];

        var managed = ExternalProgram.Run("dotnet", [Path.Combine(tools, "hostnet.dll"), .. check]);
        var native = ExternalProgram.Run(Tool.Hostnet, check);

        managed.ExitCode.ShouldBe(1, managed.ToString());
        managed.ShouldBe(native);
    }

    [Fact]
    public void Version_NamesTheCommitItWasBuiltFrom()
    {
        var output = ExternalProgram.RunOk(Tool.Hostnet, ["--version"]);

        // SourceLink (in the .NET SDK) appends the git commit to the informational version.
        var match = System.Text.RegularExpressions.Regex.Match(output, @"^(?<version>[0-9.]+)\+(?<commit>[0-9a-f]{40})\n$");
        match.Success.ShouldBeTrue($"--version printed '{output}'");
        match.Groups["version"].Value.ShouldBe(ProjectVersion.Value);
        ExternalProgram.RunOk("git", ["-C", RepositoryPaths.Root, "cat-file", "-t", match.Groups["commit"].Value]).ShouldBe("commit\n");
    }
}
