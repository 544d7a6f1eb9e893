using System.CommandLine;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet completion bash|zsh|fish</c>: prints a script that makes the shell complete hostnet's commands, options
/// and option values, as <c>kubectl completion</c> does. The script asks hostnet itself at every Tab through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, so it never falls out of step with the commands; where
/// hostnet has nothing to offer (a file argument) the shell completes file names.
/// </summary>
internal static class CompletionCommand
{
    private static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static Command Create(CliEnvironment environment)
    {
        var shell = new Argument<string>("shell") { Description = string.Join(", ", Shells) };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion", """
            Print the shell completion script for bash, zsh or fish
              bash:  source <(hostnet completion bash)          (or save it in /etc/bash_completion.d/hostnet)
              zsh:   source <(hostnet completion zsh)           (after compinit; or save it as _hostnet in $fpath)
              fish:  hostnet completion fish > ~/.config/fish/completions/hostnet.fish
            """)
        {
            shell,
        };
        command.SetAction(result =>
        {
            // The scripts are embedded (Completion/hostnet.*), so an installed tool or the native binary has them.
            using var script = typeof(CompletionCommand).Assembly.GetManifestResourceStream($"completion.{result.GetRequiredValue(shell)}")!;
            using var reader = new StreamReader(script);
            environment.Output.Write(reader.ReadToEnd());
            return ExitCodes.Success;
        });
        return command;
    }
}
