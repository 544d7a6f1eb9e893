using System.Diagnostics;
using Shouldly;

namespace Hostnet.Dist.Tests.Support;

/// <summary>
/// Runs a program of this machine (dotnet, kubectl, podman, bash, …) to the end. A program that is missing fails the
/// test with the Debian package that provides it: these tests never pass or skip for want of a tool.
/// </summary>
internal static class ExternalProgram
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The full path of <paramref name="name"/> on PATH; fails the test naming <paramref name="debianPackage"/> when absent.</summary>
    public static string Require(string name, string debianPackage)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        found.ShouldNotBeNull($"{name} is not installed: apt-get install {debianPackage}");
        return found;
    }

    public static ProcessResult Run(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {limit}");
        }

        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs and requires exit code 0, showing everything the program printed when it is not.</summary>
    public static string RunOk(string program, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var result = Run(program, arguments, workingDirectory, environment, timeout);
        result.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)}\n{result}");
        return result.Output;
    }

    private static string RepositoryRoot => Hostnet.Core.Tests.Support.RepositoryPaths.Root;
}
