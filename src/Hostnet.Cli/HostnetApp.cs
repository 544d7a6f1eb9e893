using System.CommandLine;
using Hostnet.Cli.Commands;

namespace Hostnet.Cli;

/// <summary>
/// Builds the command tree and runs it. Whatever goes wrong ends in one line on standard error and exit 2, as every
/// hostnet command promises: a usage error names its first cause only (an unknown word also makes the parser report
/// a missing argument), and an exception no command expected is caught here, never shown as a stack trace.
/// </summary>
internal static class HostnetApp
{
    public static RootCommand CreateRoot(CliEnvironment environment) =>
        new("hostnet: find and fix host-network pitfalls in Kubernetes workloads")
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
            CompletionCommand.Create(environment),
            BenchCommand.Create(environment),
            AgentCommand.Create(environment),
        };

    public static int Run(string[] args, CliEnvironment environment)
    {
        var parsed = CreateRoot(environment).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A word the parser did not take is the cause; "required command was not provided" and the like follow from it.
            var cause = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) ?? parsed.Errors[0];
            environment.Error.WriteLine($"hostnet: {OneLine(cause.Message).TrimEnd('.')} (see '{CommandPath(parsed.CommandResult)} --help')");
            return ExitCodes.Invalid;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = environment.Output,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception error)
        {
            // The last chance: a bug or an unforeseen failure still ends as the exit code contract says.
            environment.Error.WriteLine($"hostnet: unexpected error ({error.GetType().Name}): {OneLine(error.Message)}; please report it with the command that caused it");
            return ExitCodes.Invalid;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(current.Parent is null ? "hostnet" : current.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
