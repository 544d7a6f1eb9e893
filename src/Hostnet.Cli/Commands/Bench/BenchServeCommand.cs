using System.CommandLine;
using System.Net;
using Hostnet.NetBench.Measurement;

namespace Hostnet.Cli.Commands.Bench;

/// <summary><c>hostnet bench serve</c>: the server end, in a namespace the bench made or in a pod, until SIGTERM.</summary>
internal static class BenchServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var listen = new Option<string>("--listen") { Description = "Address to listen on (port 5202; iperf3 on 5201)", DefaultValueFactory = _ => "0.0.0.0", HelpName = "ADDRESS" };
        var iperf3 = new Option<bool>("--iperf3") { Description = "Also run iperf3 -s, for clients measuring with --engine iperf3" };
        var cgroups = new Option<string[]>("--cgroup") { Description = "Join this cgroup first (the bench's host-network pod)", Hidden = true };
        var command = new Command("serve", "Serve bench clients: stream and request/response tests, and iperf3 with --iperf3") { listen, iperf3, cgroups };
        cgroups.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !File.Exists(Path.Combine(t.Value, "cgroup.procs"))))
            {
                result.AddError($"--cgroup: '{token.Value}' is not a cgroup (no cgroup.procs in it)");
                return;
            }
        });
        listen.Validators.Add(result =>
        {
            if (!IPAddress.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--listen must be an IP address, not '{result.GetValueOrDefault<string>()}'");
            }
        });
        command.SetAction(result =>
        {
            if (result.GetValue(iperf3) && !Iperf3.IsInstalled())
            {
                environment.Error.WriteLine("hostnet bench serve: --iperf3: iperf3 is not installed (Debian: apt-get install -y iperf3)");
                return ExitCodes.Invalid;
            }

            using var interruption = new Interruption();
            ServerRun.Serve(IPAddress.Parse(result.GetRequiredValue(listen)), result.GetValue(iperf3), result.GetValue(cgroups) ?? [], environment.Output, interruption.Token);
            return ExitCodes.Success;
        });
        return command;
    }
}
