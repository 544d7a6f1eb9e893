using System.Globalization;
using Hostnet.NetBench.Host;
using Hostnet.NetBench.Results;

namespace Hostnet.NetBench.Measurement;

/// <summary>Runs Debian's iperf3: finds it, starts its server, runs a client test with <c>-J</c>.</summary>
internal static class Iperf3
{
    public const string Program = "iperf3";

    /// <summary>Whether iperf3 is on the PATH.</summary>
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, Program)));

    /// <summary>The client test: <c>iperf3 -c TARGET -p PORT -t SECONDS -P STREAMS -J</c>, run in the current namespace.</summary>
    public static Iperf3Output RunClient(string target, int port, TimeSpan duration, int streams)
    {
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var command = HostCommand.Of(
            Program, "-c", target, "-p", port.ToString(CultureInfo.InvariantCulture), "-t", seconds,
            "-P", streams.ToString(CultureInfo.InvariantCulture), "-J");
        var result = HostCommandRunner.TryRun(command);

        // iperf3 -J reports its own failures as JSON (an "error" member) on standard output, with a non-zero exit.
        return result.Output.Length > 0 ? Iperf3Output.Parse(result.Output) : throw new HostCommandException(command, result.Error.Trim());
    }
}
