using System.CommandLine;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Commands;

/// <summary><c>hostnet rules</c>: the rule catalogue, one line per rule.</summary>
internal static class RulesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("rules", "List every rule with its ID, slug and default severity");
        command.SetAction(_ =>
        {
            foreach (var rule in RuleCatalog.Descriptors)
            {
                var severity = rule.DefaultSeverity.ToString().ToLowerInvariant();
                environment.Output.WriteLine($"{rule.Id}  {rule.Slug,-34} {severity,-8} {rule.Title}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
