using System.Diagnostics;
using System.Globalization;
using System.Net;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Traffic;

namespace Hostnet.NetBench.Measurement;

/// <summary>
/// The server of a bench (<c>hostnet bench serve</c>): hostnet's stream and request/response server and, when asked,
/// an <c>iperf3 -s</c> beside it. It first joins the cgroups it is given, so that iperf3 starts in them too.
/// </summary>
internal static class ServerRun
{
    /// <summary>The line printed once both servers accept connections; the bench waits for it.</summary>
    public const string ReadyLine = "hostnet bench: listening";

    private static readonly string[] SocketTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    public static void Serve(IPAddress listen, bool withIperf3, IReadOnlyList<string> cgroups, TextWriter output, CancellationToken cancellation)
    {
        foreach (var cgroup in cgroups)
        {
            File.WriteAllText(Path.Combine(cgroup, "cgroup.procs"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        }

        using var server = new BenchServer(new IPEndPoint(listen, BenchPorts.Hostnet));
        server.Start();
        using var iperf3 = withIperf3 ? StartIperf3() : null;
        try
        {
            if (iperf3 is not null)
            {
                WaitUntilListening(BenchPorts.Iperf3, iperf3, cancellation);
            }

            output.WriteLine($"{ReadyLine} on {server.LocalEndPoint}{(iperf3 is null ? "" : $" and iperf3 on {BenchPorts.Iperf3}")}");
            output.Flush();
            cancellation.WaitHandle.WaitOne();
        }
        finally
        {
            if (iperf3 is { HasExited: false })
            {
                iperf3.Kill();
                iperf3.WaitForExit();
            }
        }
    }

    private static Process StartIperf3()
    {
        var start = new ProcessStartInfo(Iperf3.Program) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-s", "-p", BenchPorts.Iperf3.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start iperf3 -s");

        // Read its chatter so it never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    // A LISTEN socket (state 0A) on the port in this namespace's /proc/net/tcp and tcp6.
    private static void WaitUntilListening(int port, Process process, CancellationToken cancellation)
    {
        var local = $":{port:X4} ";
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"iperf3 -s exited with {process.ExitCode}");
            }

            var listening = SocketTables
                .Where(File.Exists)
                .SelectMany(File.ReadLines)
                .Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var address, _, "0A", ..] && address.EndsWith(local.TrimEnd(), StringComparison.Ordinal));
            if (listening)
            {
                return;
            }

            cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
            cancellation.ThrowIfCancellationRequested();
        }

        throw new TimeoutException($"iperf3 -s did not listen on port {port}");
    }
}
