using Hostnet.Core.Tests.Support;
using Shouldly;

namespace Hostnet.Dist.Tests.Support;

/// <summary>
/// The hostnet .NET tool as a user gets it, made once per test run (the NativeAOT compile takes minutes on a shared
/// machine): tools/pack-tool.sh packs the pointer package and the linux-x64 and any packages into a feed, and
/// <c>dotnet tool install --tool-path</c> installs from that feed alone, with a package cache of its own so that no
/// earlier run's package of the same version is reused. Everything lives in one temporary folder, removed at exit.
/// While working on these tests, HOSTNET_DIST_FEED=DIR installs from the packages tools/pack-tool.sh left in DIR
/// instead of packing again.
/// </summary>
internal sealed class InstalledTool
{
    private static readonly Lazy<InstalledTool> Shared = new(() => new InstalledTool(), LazyThreadSafetyMode.ExecutionAndPublication);

    private InstalledTool()
    {
        Root = Path.Combine(Path.GetTempPath(), "hostnet-dist-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Root, recursive: true);

        Feed = Environment.GetEnvironmentVariable("HOSTNET_DIST_FEED") is { Length: > 0 } packed ? Path.GetFullPath(packed) : Pack(Path.Combine(Root, "feed"));
        ToolPath = Install(Path.Combine(Root, "tools"));
        Hostnet = Path.Combine(ToolPath, "hostnet");
        File.Exists(Hostnet).ShouldBeTrue($"dotnet tool install left no {Hostnet}");
    }

    public static InstalledTool Instance => Shared.Value;

    /// <summary>A temporary folder of this test run, removed at exit.</summary>
    public string Root { get; }

    /// <summary>The folder holding the three packages.</summary>
    public string Feed { get; }

    /// <summary>The folder <c>dotnet tool install --tool-path</c> installed into.</summary>
    public string ToolPath { get; }

    /// <summary>The command users run: <c>hostnet</c> in the tool path.</summary>
    public string Hostnet { get; }

    /// <summary>The executable the tool path's <c>hostnet</c> leads to, links followed.</summary>
    public string Executable => new FileInfo(Hostnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Hostnet;

    private static string Pack(string feed)
    {
        ExternalProgram.RunOk(Path.Combine(RepositoryPaths.Root, "tools", "pack-tool.sh"), [feed], timeout: TimeSpan.FromMinutes(60));
        return feed;
    }

    /// <summary>Installs Hostnet.Tool from the feed alone into <paramref name="toolPath"/>.</summary>
    private string Install(string toolPath)
    {
        var config = Path.Combine(Root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="hostnet" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        ExternalProgram.RunOk(
            "dotnet",
            ["tool", "install", "Hostnet.Tool", "--tool-path", toolPath, "--configfile", config],
            workingDirectory: Root,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") },
            timeout: TimeSpan.FromMinutes(5));
        return toolPath;
    }
}
