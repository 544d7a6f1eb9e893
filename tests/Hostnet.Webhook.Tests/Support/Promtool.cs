using System.Diagnostics;

namespace Hostnet.Webhook.Tests.Support;

/// <summary>
/// Runs <c>promtool check metrics</c> (Debian's prometheus package; test.sh installs it) on an exposition. Shared by
/// the webhook's and the agent's metrics tests.
/// </summary>
internal static class Promtool
{
    /// <summary>promtool's exit code and what it printed (empty for a valid exposition).</summary>
    public static (int ExitCode, string Output) CheckMetrics(string exposition)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        process.StandardInput.Write(exposition);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
