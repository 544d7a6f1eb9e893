using System.CommandLine;
using Hostnet.Cli.Output;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Commands;

/// <summary><c>hostnet explain HN030</c>: prints the rule's documentation page (embedded, so an installed tool has it).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var rule = new Argument<string>("RULE") { Description = "A rule ID (HN030) or slug (host-network-cluster-dns)" };
        var command = new Command("explain", "Print a rule's documentation") { rule };
        command.SetAction(result =>
        {
            var asked = result.GetRequiredValue(rule);
            var descriptor = RuleCatalog.Find(asked);
            if (descriptor is null)
            {
                environment.Error.WriteLine($"hostnet: unknown rule '{asked}' (see hostnet rules)");
                return ExitCodes.Invalid;
            }

            using var page = typeof(ExplainCommand).Assembly.GetManifestResourceStream($"docs.rules.{descriptor.Id}.md");
            if (page is null)
            {
                environment.Error.WriteLine($"hostnet: no documentation page for {descriptor.Id}");
                return ExitCodes.Invalid;
            }

            using var reader = new StreamReader(page);
            // A file or pipe gets the Markdown as it is; a terminal gets links as plain text.
            var text = reader.ReadToEnd();
            environment.Output.Write(environment.OutputIsTerminal ? MarkdownLinks.ToPlainText(text) : text);
            return ExitCodes.Success;
        });
        return command;
    }
}
