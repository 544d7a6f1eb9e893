using System.Text;

namespace Hostnet.Cli.Tests.Support;

/// <summary>
/// A temporary folder to run <c>hostnet</c> in, in process: files are written under it, the CLI sees it as the
/// working directory (or a folder below it), and it is deleted afterwards.
/// </summary>
internal sealed class CliSandbox : IDisposable
{
    public CliSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "hostnet-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes a file at a path relative to the sandbox, creating folders; returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative));

    /// <summary>Runs the CLI with the sandbox (or <paramref name="workingDirectory"/> inside it) as working directory.</summary>
    public CliResult Run(string[] args, string? standardInput = null, string workingDirectory = "", bool terminal = false, bool noColor = false, byte[]? standardInputBytes = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var directory = Path.Combine(Root, workingDirectory);
        Directory.CreateDirectory(directory);
        var environment = new CliEnvironment(
            output,
            error,
            () => new MemoryStream(standardInputBytes ?? Encoding.UTF8.GetBytes(standardInput ?? string.Empty)),
            directory,
            OutputIsTerminal: terminal,
            NoColor: noColor);
        var exitCode = HostnetApp.Run(args, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public CliResult Run(params string[] args) => Run(args, standardInput: null);

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
    }
}
