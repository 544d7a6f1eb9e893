using System.Diagnostics;
using System.Globalization;
using Hostnet.Core.Configuration;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Host;
using Hostnet.NetBench.Results;

namespace Hostnet.NetBench.Measurement;

/// <summary>
/// A local bench: removes leftovers of killed runs, builds every datapath, starts a server in each, then runs the
/// repeats round-robin over the modes (so that load from elsewhere on the machine spreads evenly over them) and tears
/// everything down, also when cancelled.
/// </summary>
internal static class BenchRunner
{
    private static readonly TimeSpan ServerStartup = TimeSpan.FromSeconds(60);

    public static BenchReport Run(BenchSettings settings, WorkerCommand hostnet, TextWriter progress, CancellationToken cancellation)
    {
        foreach (var leftover in LeftoverSweeper.Sweep())
        {
            progress.WriteLine($"hostnet bench: removed {leftover}, left by a run that was killed");
        }

        var names = new BenchNames(Environment.ProcessId);
        using var lab = DatapathLab.Build(settings.Modes, names);
        var servers = new List<Process>();
        try
        {
            foreach (var plan in lab.Plans)
            {
                cancellation.ThrowIfCancellationRequested();
                servers.Add(StartServer(plan, lab, settings, hostnet));
            }

            var samples = lab.Plans.ToDictionary(p => p.Mode, _ => new List<Sample>());
            for (var repeat = 1; repeat <= settings.Repeat; repeat++)
            {
                foreach (var plan in lab.Plans)
                {
                    progress.WriteLine($"hostnet bench: {plan.Mode.Name()} run {repeat}/{settings.Repeat}");
                    samples[plan.Mode].Add(RunClient(plan, settings, hostnet, cancellation));
                }
            }

            return new BenchReport(
                [.. lab.Plans.Select(p => new ModeResult(p.Mode.Name(), samples[p.Mode]))],
                settings.Engine == ThroughputEngine.Iperf3 ? "iperf3" : "hostnet",
                File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
                Environment.ProcessorCount,
                settings.Duration,
                settings.Repeat,
                settings.Streams)
            {
                Pinning = settings.Pinning,
            };
        }
        finally
        {
            foreach (var server in servers)
            {
                Stop(server);
            }
        }
    }

    private static Process StartServer(DatapathPlan plan, DatapathLab lab, BenchSettings settings, WorkerCommand hostnet)
    {
        List<string> arguments = [.. hostnet.Arguments, "bench", "serve", "--listen", "0.0.0.0"];
        if (settings.Engine == ThroughputEngine.Iperf3)
        {
            arguments.Add("--iperf3");
        }

        if (plan.ServerInPodCgroup && lab.PodCgroup is { } cgroup)
        {
            foreach (var directory in cgroup.Directories)
            {
                arguments.AddRange(["--cgroup", directory]);
            }
        }

        var process = Start(Pinned(settings.Pinning?.Receiver, HostCommand.InNamespace(plan.ServerNamespace, [.. arguments])));
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(ServerStartup) || ready.Result?.StartsWith(ServerRun.ReadyLine, StringComparison.Ordinal) != true)
        {
            Stop(process);
            throw new InvalidOperationException(
                $"the {plan.Mode.Name()} server did not start: {ready.Result ?? ""}{process.StandardError.ReadToEnd().Trim()}");
        }

        return process;
    }

    private static Sample RunClient(DatapathPlan plan, BenchSettings settings, WorkerCommand hostnet, CancellationToken cancellation)
    {
        var command = Pinned(settings.Pinning?.Sender, HostCommand.InNamespace(plan.ClientNamespace,
        [
            .. hostnet.Arguments, "bench", "client", "--target", plan.TargetAddress,
            "--duration", GoDuration.Format(settings.Duration),
            "--streams", settings.Streams.ToString(CultureInfo.InvariantCulture),
            "--engine", settings.Engine == ThroughputEngine.Iperf3 ? "iperf3" : "hostnet",
            "--sample",
        ]));
        using var process = Start(command);
        using var stop = cancellation.Register(() => Stop(process));
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        cancellation.ThrowIfCancellationRequested();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || line is null)
        {
            throw new HostCommandException(command, error.GetAwaiter().GetResult().Trim());
        }

        return SampleJson.Parse(line);
    }

    /// <summary>The command run on one CPU (<c>taskset -c CPU</c>), whose children (iperf3 -s) inherit it; as it is without one.</summary>
    private static HostCommand Pinned(int? cpu, HostCommand command) =>
        cpu is { } on ? command with { Arguments = ["taskset", "-c", on.ToString(CultureInfo.InvariantCulture), .. command.Arguments] } : command;

    private static Process Start(HostCommand command) =>
        Process.Start(command.StartInfo()) ?? throw new HostCommandException(command, "could not start");

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }
}
