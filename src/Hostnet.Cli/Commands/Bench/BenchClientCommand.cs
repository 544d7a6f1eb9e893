using System.CommandLine;
using System.Net;
using Hostnet.NetBench.Measurement;
using Hostnet.NetBench.Results;

namespace Hostnet.Cli.Commands.Bench;

/// <summary>
/// <c>hostnet bench client --target [NAME=]ADDRESS …</c>: measures against one or more <c>bench serve</c> servers (a
/// host-network pod's and a pod-network pod's, say) and reports them as <c>hostnet bench</c> does, the first target
/// being the baseline. The bench itself runs it inside its namespaces with <c>--sample</c>.
/// </summary>
internal static class BenchClientCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var options = new BenchOptions();
        var targets = new Option<string[]>("--target") { Description = "A server: ADDRESS, HOSTNAME or NAME=ADDRESS (repeatable; the first is the baseline)", HelpName = "[NAME=]ADDRESS", Required = true };
        var sample = new Option<bool>("--sample") { Description = "Print one run as a JSON line (how the bench reads its clients)", Hidden = true };
        targets.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Split('=', 2) is [var name, var address] ? name.Length == 0 || address.Length == 0 : t.Value.Length == 0))
            {
                result.AddError($"--target must be ADDRESS or NAME=ADDRESS, not '{token.Value}'");
                return;
            }
        });
        var command = new Command("client", "Measure throughput, latency and CPU against bench servers (in a cluster: pod to pod)") { targets, sample };
        options.AddTo(command);
        command.SetAction(result =>
        {
            var duration = options.DurationOf(result);
            if (options.EngineOf(result, duration, out var problem) is not { } engine)
            {
                environment.Error.WriteLine($"hostnet bench client: {problem}");
                return ExitCodes.Invalid;
            }

            var named = new List<(string Name, IPAddress Address)>();
            foreach (var target in result.GetRequiredValue(targets))
            {
                var (name, host) = target.Split('=', 2) is [var n, var h] ? (n, h) : (target, target);
                if (Resolve(host) is not { } address)
                {
                    environment.Error.WriteLine($"hostnet bench client: cannot resolve --target '{host}'");
                    return ExitCodes.Invalid;
                }

                named.Add((name, address));
            }

            var settings = new ClientSettings(duration, options.StreamsOf(result), engine);
            using var interruption = new Interruption();
            try
            {
                if (result.GetValue(sample))
                {
                    environment.Output.WriteLine(SampleJson.Write(ClientRun.Measure(named[0].Address, settings, interruption.Token)));
                    return ExitCodes.Success;
                }

                var repeat = options.RepeatOf(result);
                var samples = named.ToDictionary(t => t.Name, _ => new List<Sample>());
                for (var run = 1; run <= repeat; run++)
                {
                    foreach (var (name, address) in named)
                    {
                        environment.Error.WriteLine($"hostnet bench client: {name} run {run}/{repeat}");
                        samples[name].Add(ClientRun.Measure(address, settings, interruption.Token));
                    }
                }

                var report = new BenchReport(
                    [.. named.Select(t => new ModeResult(t.Name, samples[t.Name]))],
                    engine == ThroughputEngine.Iperf3 ? "iperf3" : "hostnet",
                    File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
                    Environment.ProcessorCount,
                    duration,
                    repeat,
                    settings.Streams);
                return options.Print(report, result, environment);
            }
            catch (OperationCanceledException)
            {
                environment.Error.WriteLine("hostnet bench client: interrupted");
                return ExitCodes.Invalid;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or FormatException or InvalidOperationException)
            {
                environment.Error.WriteLine($"hostnet bench client: {e.Message}");
                return ExitCodes.Invalid;
            }
        });
        return command;
    }

    private static IPAddress? Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }
    }
}
