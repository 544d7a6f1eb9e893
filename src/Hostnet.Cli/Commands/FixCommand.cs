using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Cli.Output;
using Hostnet.Core.Fixing;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet fix PATH…|- [--write [--force] | --diff] [--rule ID…]</c>: applies the safe fixes of RULES.md as minimal
/// text edits. Without <c>--write</c> or <c>--diff</c> the fixed text goes to standard output; what was fixed and what
/// is left goes to standard error. Exit codes as <c>check</c>: 0 nothing left at <c>--fail-on</c>, 1 findings remain,
/// 2 bad input or a file <c>--write</c> could not write (the others are still written).
/// </summary>
internal static class FixCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions
        {
            Paths = CommonOptions.ManifestPaths(),
            FailOn = CommonOptions.FailOnOf("Exit 1 when a finding at or above this severity is left after fixing"),
            Config = CommonOptions.ConfigFile(),
            KubeVersion = CommonOptions.KubeVersionOf(CommonOptions.MirrorsVersion),
        };
        var write = new Option<bool>("--write", "-w") { Description = "Rewrite the files in place (atomically; owner, group and mode kept; through symbolic links)" };
        var force = new Option<bool>("--force") { Description = "With --write, rewrite read-only files too (their mode is kept)" };
        var diff = new Option<bool>("--diff", "-d") { Description = "Print a unified diff of the fixes instead of the fixed text" };
        var rules = FixableRuleOption.Create();
        var command = new Command("fix", "Repair what can be repaired safely, as minimal edits that keep comments and layout")
        {
            common.Paths, write, force, diff, rules, common.FailOn, common.Config, common.KubeVersion,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(write) && result.GetValue(diff))
            {
                result.AddError("--write and --diff cannot be used together");
            }

            if (result.GetValue(force) && !result.GetValue(write))
            {
                result.AddError("--force only applies to --write");
            }
        });
        command.SetAction(result => Run(
            common.Read(result),
            result.GetValue(write) ? FixOutputMode.Write : result.GetValue(diff) ? FixOutputMode.Diff : FixOutputMode.Stream,
            new FixWriteOptions(result.GetValue(force), DateTime.UtcNow),
            FixableRuleOption.Chosen(result.GetValue(rules)),
            environment));
        return command;
    }

    private static int Run(RunRequest request, FixOutputMode mode, FixWriteOptions writing, IReadOnlySet<string>? rules, CliEnvironment environment)
    {
        if (RunInputs.Load(request, environment) is not { } run)
        {
            return ExitCodes.Invalid;
        }

        var (outcome, unreadable) = FixedManifests.Fix(request.Paths, run, rules, environment);
        var failed = FixOutput.Write(mode, outcome.Files, writing, environment);
        FixOutput.Summarise(outcome, mode, failed, environment);
        return unreadable || outcome.Report.HasInputErrors || failed.Count > 0 ? ExitCodes.Invalid
            : request.Threshold is { } threshold && outcome.Report.Fails(threshold) ? ExitCodes.Findings
            : ExitCodes.Success;
    }
}
