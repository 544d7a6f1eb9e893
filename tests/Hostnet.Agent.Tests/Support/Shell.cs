using System.Diagnostics;

namespace Hostnet.Agent.Tests.Support;

/// <summary>Runs a system tool (<c>ip</c>, <c>ss</c>) and returns what it printed; a failure throws with its error.</summary>
internal static class Shell
{
    public static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
    }
}
