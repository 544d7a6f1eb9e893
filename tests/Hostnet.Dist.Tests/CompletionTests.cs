using Hostnet.Dist.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Dist.Tests;

/// <summary>
/// <c>hostnet completion bash|zsh|fish</c>: each script, loaded into the real shell, completes commands, options and
/// option values by asking the installed hostnet. A line ending in a space completes a new, empty word.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private static readonly InstalledTool Tool = InstalledTool.Instance;
    private readonly string _folder = Directory.CreateTempSubdirectory("hostnet-completion-").FullName;

    /// <summary>The shells' working folder: empty, so that no file name joins the candidates.</summary>
    private string Empty => Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

    public static TheoryData<string, string[]> Lines => new()
    {
        { "hostnet che", ["check"] },
        { "hostnet check --fo", ["--format"] },
        { "hostnet check --format ", ["github", "json", "sarif", "text"] },
        { "hostnet check examples/ --fail-on w", ["warning"] },
        { "hostnet webhook gen", ["gen-certs"] },
        { "hostnet completion z", ["zsh"] },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Lines))]
    public void Bash_CompletesTheWordAtTheCursor(string line, string[] expected)
    {
        var script = Script("bash");
        var words = line.Split(' ');
        var array = string.Join(' ', words.Select(w => $"'{w}'"));

        var output = RunShell(
            ExternalProgram.Require("bash", "bash"),
            ["--norc", "--noprofile", "-c", $"source {script}; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _hostnet_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\""]);

        Candidates(output).ShouldBe(expected);
    }

    [Fact]
    public void Bash_RegistersForHostnetWithFileNamesAsFallback()
    {
        var script = Script("bash");

        var output = RunShell(ExternalProgram.Require("bash", "bash"), ["--norc", "--noprofile", "-c", $"source {script}; complete -p hostnet"]);

        output.ShouldBe("complete -o default -F _hostnet_complete hostnet\n");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Zsh_CompletesTheWordAtTheCursor(string line, string[] expected)
    {
        var words = line.Split(' ');

        var output = CompleteInZsh(words);

        // zsh itself filters the candidates by the typed prefix; the stand-in compadd does not, so the test does.
        Candidates(output).Where(c => c.StartsWith(words[^1], StringComparison.Ordinal)).ShouldBe(expected);
    }

    [Fact]
    public void Zsh_OffersFileNamesWhereHostnetHasNothing()
    {
        var output = CompleteInZsh(["hostnet", "check", "--output", ""]);

        output.ShouldBe("FILES\n");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Fish_CompletesTheWordAtTheCursor(string line, string[] expected)
    {
        var script = Script("fish");

        // complete -C prints what fish would offer at the end of the line; the empty working folder has no file to add.
        var output = RunShell(ExternalProgram.Require("fish", "fish"), ["--no-config", "-c", $"source {script}; complete -C '{line}'"]);

        Candidates(output).Select(c => c.Split('\t')[0]).ShouldBe(expected);
    }

    [Fact]
    public void Completion_OfAnUnknownShell_IsAUsageError()
    {
        var result = ExternalProgram.Run(Tool.Hostnet, ["completion", "powershell"]);

        result.ExitCode.ShouldBe(2);
        result.Output.ShouldBeEmpty();
    }

    /// <summary>
    /// Runs the zsh script's completion function on <paramref name="words"/>, the cursor in the last. compdef, compadd
    /// and _files belong to zsh's completion system, which needs a terminal: stand-ins print what the script hands over.
    /// </summary>
    private string CompleteInZsh(string[] words)
    {
        var script = Script("zsh");
        var array = string.Join(' ', words.Select(w => $"'{w}'"));
        return RunShell(
            ExternalProgram.Require("zsh", "zsh"),
            ["-f", "-c", $"compdef() {{ :; }}; compadd() {{ print -l -- \"${{(@P)2}}\"; }}; _files() {{ print -- FILES; }}; source {script}; words=({array}); CURRENT={words.Length}; _hostnet"]);
    }

    private static string[] Candidates(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    private string Script(string shell)
    {
        var path = Path.Combine(_folder, $"hostnet.{shell}");
        File.WriteAllText(path, ExternalProgram.RunOk(Tool.Hostnet, ["completion", shell]));
        return path;
    }

    /// <summary>Runs the shell in an empty folder with the installed tool first on PATH, as a user who installed it has.</summary>
    private string RunShell(string shell, string[] arguments)
    {
        var path = $"{Tool.ToolPath}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        return ExternalProgram.RunOk(shell, arguments, workingDirectory: Empty, environment: new Dictionary<string, string> { ["PATH"] = path });
    }
}
