using System.Diagnostics;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>
/// The restart on the workstation collector, in a real process: the Release build's own apphost, given the server GC
/// the native publish has (its runtimeconfig with System.GC.Server, in a copy of the build folder), starts
/// `audit --cluster -` again in the same process with DOTNET_gcServer=0, and the restarted command still reads the
/// same standard input and writes the same output.
/// </summary>
public sealed class CollectorRestartTests : IDisposable
{
    private const string EmptyCluster = """{"apiVersion":"v1","kind":"List","items":[]}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("hostnet-gc-").FullName;

    public CollectorRestartTests()
    {
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory))
        {
            var target = Path.Combine(_folder, Path.GetFileName(file));
            switch (Path.GetFileName(file))
            {
                case "hostnet" or "hostnet.dll" or "hostnet.deps.json":
                    // Copies, not links: the apphost and the host read the runtimeconfig next to the app's resolved path.
                    File.Copy(file, target);
                    break;
                case "hostnet.runtimeconfig.json":
                    var config = File.ReadAllText(file);
                    config.ShouldContain("\"configProperties\": {");
                    File.WriteAllText(target, config.Replace("\"configProperties\": {", "\"configProperties\": {\n      \"System.GC.Server\": true,", StringComparison.Ordinal));
                    break;
                default:
                    File.CreateSymbolicLink(target, file);
                    break;
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(null, "0")]
    [InlineData("1", "1")]
    public void Audit_OnServerGc_RestartsOnWorkstationUnlessTheUserChose(string? userChoice, string expected)
    {
        using var process = Start(userChoice, "audit", "--cluster", "-", "--format", "json");
        try
        {
            // The command waits for its standard input; the restart, when there is one, comes before that.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? seen = null;
            while (DateTime.UtcNow < deadline && (seen = ServerVariableOf(process.Id)) != expected)
            {
                Thread.Sleep(50);
            }

            seen.ShouldBe(expected);
            process.StandardInput.Write(EmptyCluster);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(60_000).ShouldBeTrue();

            process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
            output.ShouldContain("\"source\": \"-\"");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private Process Start(string? userChoice, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(_folder, "hostnet"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(CollectorChoice.ServerVariable);
        if (userChoice is not null)
        {
            start.Environment[CollectorChoice.ServerVariable] = userChoice;
        }

        return Process.Start(start)!;
    }

    /// <summary>The DOTNET_gcServer the process with this id runs with now (after an execve, the new one).</summary>
    private static string? ServerVariableOf(int processId)
    {
        var prefix = CollectorChoice.ServerVariable + "=";
        return File.ReadAllText($"/proc/{processId}/environ").Split('\0')
            .Where(entry => entry.StartsWith(prefix, StringComparison.Ordinal))
            .Select(entry => entry[prefix.Length..])
            .SingleOrDefault();
    }
}
