using System.Diagnostics;
using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary>
/// <c>hostnet fix --write</c> on real files in a temporary folder: symbolic and hard links, owner and group, read-only
/// files, failures that do not stop the run, and temporary files a killed run left behind. The tests run as root (as
/// the CI does), which may write 0444 files: read-only is judged by the mode bits.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FixWriteTests : IDisposable
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Write_SymbolicLink_FixesTheTargetAndKeepsTheLink()
    {
        var target = _sandbox.Write("real/pod.yaml", Manifests.Warning);
        var link = Path.Combine(_sandbox.Root, "deploy", "pod.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, "../real/pod.yaml");

        var result = _sandbox.Run("fix", "--write", "deploy/pod.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        new FileInfo(link).LinkTarget.ShouldBe("../real/pod.yaml");
        File.ReadAllText(target).ShouldBe(Manifests.WarningFixed);
        Directory.GetFiles(Path.GetDirectoryName(target)!).ShouldBe([target]);
    }

    [Fact]
    public void Write_HardLinkedFile_IsRefusedAndBothNamesKeepTheirText()
    {
        var first = _sandbox.Write("pod.yaml", Manifests.Warning);
        var second = Path.Combine(_sandbox.Root, "other.yaml");
        Run("ln", first, second);

        var result = _sandbox.Run("fix", "--write", "pod.yaml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("hostnet: pod.yaml: not written: the file has 2 hard links, and replacing it would leave the other names with the old text");
        File.ReadAllText(first).ShouldBe(Manifests.Warning);
        Stat(second, "%h").ShouldBe("2");
    }

    [Fact]
    public void Write_FileOfAnotherUser_KeepsOwnerGroupAndMode()
    {
        var path = _sandbox.Write("pod.yaml", Manifests.Warning);
        Run("chown", "1234:1234", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);

        var result = _sandbox.Run("fix", "--write", "pod.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(path).ShouldBe(Manifests.WarningFixed);
        Stat(path, "%u:%g:%a").ShouldBe("1234:1234:660");
    }

    [Fact]
    public void Write_ReadOnlyFile_IsRefusedUnlessForced()
    {
        var path = _sandbox.Write("pod.yaml", Manifests.Warning);
        File.SetUnixFileMode(path, ReadOnly);

        var refused = _sandbox.Run("fix", "--write", "pod.yaml");
        var unchanged = File.ReadAllText(path);
        var forced = _sandbox.Run("fix", "--write", "--force", "pod.yaml");

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Error.ShouldContain("hostnet: pod.yaml: not written: the file is read-only (mode 0444); --force writes it anyway, keeping the mode\n");
        unchanged.ShouldBe(Manifests.Warning);
        forced.ExitCode.ShouldBe(0, forced.ToString());
        File.ReadAllText(path).ShouldBe(Manifests.WarningFixed);
        File.GetUnixFileMode(path).ShouldBe(ReadOnly);
    }

    [Fact]
    public void Write_UnwritableFile_OthersAreStillWrittenThenSummaryAndExit2()
    {
        var locked = _sandbox.Write("a/pod.yaml", Manifests.Warning);
        File.SetUnixFileMode(locked, ReadOnly);
        var open = _sandbox.Write("b/pod.yaml", Manifests.Warning);

        var result = _sandbox.Run("fix", "--write", "a/pod.yaml", "b/pod.yaml");

        result.ExitCode.ShouldBe(2, result.ToString());
        File.ReadAllText(locked).ShouldBe(Manifests.Warning);
        File.ReadAllText(open).ShouldBe(Manifests.WarningFixed);
        result.Error.ShouldBe("""
            hostnet: a/pod.yaml: not written: the file is read-only (mode 0444); --force writes it anyway, keeping the mode
            hostnet: b/pod.yaml: HN030 fixed: added spec.dnsPolicy: "ClusterFirstWithHostNet"
            hostnet: 1 fix(es) in 1 file(s) written; 1 file(s) not written, as said above

            """);
    }

    [Fact]
    public void Write_LeftoversOfAKilledRun_AreRemovedAndOnlyThose()
    {
        var path = _sandbox.Write("deploy/pod.yaml", Manifests.Warning);
        var folder = Path.GetDirectoryName(path)!;
        var leftover = Plant(folder, ".pod.yaml.hostnet-fix-0123456789abcdef.tmp", DateTime.UtcNow.AddHours(-1));
        var held = Plant(folder, ".pod.yaml.hostnet-fix-fedcba9876543210.tmp", DateTime.UtcNow.AddHours(-1));
        var newer = Plant(folder, ".pod.yaml.hostnet-fix-00112233445566aa.tmp", DateTime.UtcNow.AddHours(1));
        var notOurs = Plant(folder, ".pod.yaml.hostnet-fix-mine.tmp", DateTime.UtcNow.AddHours(-1));

        CliResult result;
        using (new FileStream(held, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            result = _sandbox.Run("fix", "--write", "deploy");
        }

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldStartWith("hostnet: deploy/.pod.yaml.hostnet-fix-0123456789abcdef.tmp: removed, a temporary file an interrupted hostnet fix left\n");
        File.Exists(leftover).ShouldBeFalse();
        Directory.GetFiles(folder).Order(StringComparer.Ordinal).ShouldBe([newer, held, notOurs, path]);
        File.ReadAllText(path).ShouldBe(Manifests.WarningFixed);
    }

    private static string Plant(string folder, string name, DateTime lastWrite)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "half a manifest");
        File.SetLastWriteTimeUtc(path, lastWrite);
        return path;
    }

    private static string Stat(string path, string format) => Run("stat", "-c", format, path).Trim();

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
