using System.CommandLine;
using Hostnet.Cli.Commands;

namespace Hostnet.Cli;

/// <summary>Builds the command tree and runs it; usage errors exit 2 as every hostnet command does.</summary>
internal static class HostnetApp
{
    public static int Run(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("hostnet: find and fix host-network pitfalls in Kubernetes workloads")
        {
            CheckCommand.Create(environment),
            FixCommand.Create(environment),
            RulesCommand.Create(environment),
            ExplainCommand.Create(environment),
            DnsCommand.Create(environment),
            PlanCommand.Create(environment),
            PortsCommand.Create(environment),
            WebhookCommand.Create(environment),
            SnapshotCommand.Create(environment),
            AuditCommand.Create(environment),
            AgentCommand.Create(environment),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                environment.Error.WriteLine($"hostnet: {error.Message}");
            }

            environment.Error.WriteLine("Run 'hostnet --help' for usage.");
            return ExitCodes.Invalid;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = environment.Output, Error = environment.Error });
    }
}
