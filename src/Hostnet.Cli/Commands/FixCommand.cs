using System.CommandLine;
using System.Text;
using Hostnet.Cli.Input;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet fix PATH…|- [--write | --diff] [--rule ID…]</c>: applies the safe fixes of RULES.md as minimal text
/// edits. Without <c>--write</c> or <c>--diff</c> the fixed text goes to standard output; what was fixed and what is
/// left goes to standard error. Exit codes as <c>check</c>: 0 nothing left at <c>--fail-on</c>, 1 findings remain, 2 bad input.
/// </summary>
internal static class FixCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (recursive *.yaml, *.yml, *.json) or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"unknown option '{token.Value}' (for a file whose name starts with '-', write ./{token.Value})");
            }
        });

        var write = new Option<bool>("--write", "-w") { Description = "Rewrite the files in place (atomically, permissions kept)" };
        var diff = new Option<bool>("--diff", "-d") { Description = "Print a unified diff of the fixes instead of the fixed text" };
        var rules = new Option<string[]>("--rule", "-r")
        {
            Description = $"Only fix findings of these rules ({string.Join(", ", RuleCatalog.FixableIds)})",
            HelpName = "ID",
        };
        rules.Validators.Add(result =>
        {
            foreach (var id in result.Tokens.SelectMany(t => Split(t.Value)).Where(id => !RuleCatalog.FixableIds.Contains(id)))
            {
                result.AddError($"--rule: {id} is not a rule hostnet can fix (fixable: {string.Join(", ", RuleCatalog.FixableIds)})");
            }
        });
        var failOn = ChoiceOption.Create("--fail-on", "Exit 1 when a finding at or above this severity is left after fixing", "error", ["error", "warning", "info", "none"]);
        var config = new Option<string?>("--config") { Description = "Use this .hostnet.yaml instead of searching upward", HelpName = "FILE" };
        var kubeVersion = new Option<string?>("--kube-version") { HelpName = "1.N", Description = "Kubernetes version to mirror, e.g. 1.30" };

        var command = new Command("fix", "Repair what can be repaired safely, as minimal edits that keep comments and layout")
        {
            paths, write, diff, rules, failOn, config, kubeVersion,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(write) && result.GetValue(diff))
            {
                result.AddError("--write and --diff cannot be used together");
            }
        });
        command.SetAction(result =>
        {
            var selected = result.GetValue(rules) is { Length: > 0 } ids ? ids.SelectMany(Split).ToHashSet(StringComparer.Ordinal) : null;
            var request = new FixRequest(
                result.GetRequiredValue(paths),
                result.GetValue(write) ? FixOutput.Write : result.GetValue(diff) ? FixOutput.Diff : FixOutput.Stream,
                selected,
                result.GetRequiredValue(failOn),
                result.GetValue(config),
                result.GetValue(kubeVersion));
            return Run(request, environment);
        });
        return command;
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => id.ToUpperInvariant());

    private static int Run(FixRequest request, CliEnvironment environment)
    {
        if (AnalysisOptionsLoader.Load(request.ConfigPath, request.KubeVersion, environment) is not { } options)
        {
            return ExitCodes.Invalid;
        }

        var limits = LoaderLimits.Default;
        var (files, readProblems) = new InputCollector(environment, limits).Collect(request.Paths);
        foreach (var problem in readProblems)
        {
            environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
        }

        var outcome = new ManifestFixer(new ManifestChecker(options, RuleCatalog.Rules), RuleCatalog.Fixers, request.Rules).Fix(files, limits);
        if (!WriteOutput(request.Output, outcome.Files, environment))
        {
            return ExitCodes.Invalid;
        }

        Summarise(outcome, request.Output, environment);
        if (readProblems.Count > 0 || outcome.Report.HasInputErrors)
        {
            return ExitCodes.Invalid;
        }

        var threshold = request.FailOn switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            _ => (Severity?)null,
        };
        return threshold is { } level && outcome.Report.Fails(level) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// The names a diff gives a file: git's <c>a/</c> and <c>b/</c> prefixes on the path relative to the working
    /// directory, without <c>./</c> or <c>..</c> steps, which <c>git apply</c> refuses ("invalid path"). A file
    /// outside the working directory (or standard input) keeps the name it was given.
    /// </summary>
    private static (string From, string To) DiffNames(string path, string workingDirectory)
    {
        if (path == InputCollector.StandardInput)
        {
            return ("a/" + path, "b/" + path);
        }

        var relative = Path.GetRelativePath(workingDirectory, Path.GetFullPath(path, workingDirectory)).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? (path, path)
            : ("a/" + relative, "b/" + relative);
    }

    private static bool WriteOutput(FixOutput mode, IReadOnlyList<FixedFile> files, CliEnvironment environment)
    {
        string? previous = null;
        foreach (var file in files)
        {
            var path = file.Original.Path;
            switch (mode)
            {
                case FixOutput.Diff:
                    var (from, to) = DiffNames(path, environment.WorkingDirectory);
                    environment.Output.Write(UnifiedDiff.Create(file.Original.Text, file.Text, from, to));
                    break;
                case FixOutput.Write when path != InputCollector.StandardInput:
                    if (file.Changed && !TryReplace(path, file.Text, environment))
                    {
                        return false;
                    }

                    break;
                default:
                    // Several inputs make one stream: each starts a document of its own. One input goes out byte for byte.
                    if (previous is not null)
                    {
                        environment.Output.Write(previous.EndsWith('\n') ? string.Empty : "\n");
                        environment.Output.Write(file.Text.StartsWith("---", StringComparison.Ordinal) ? string.Empty : "---\n");
                    }

                    environment.Output.Write(file.Text);
                    previous = file.Text;
                    break;
            }
        }

        return true;
    }

    private static bool TryReplace(string path, string text, CliEnvironment environment)
    {
        try
        {
            AtomicFile.Replace(Path.GetFullPath(path, environment.WorkingDirectory), text);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"hostnet: cannot write {path}: {error.Message}");
            return false;
        }
    }

    /// <summary>On standard error: each fix (file:line, rule, field), then what is left for <c>hostnet check</c> to explain.</summary>
    private static void Summarise(FixOutcome outcome, FixOutput mode, CliEnvironment environment)
    {
        var fixedCount = 0;
        foreach (var file in outcome.Files.Where(f => f.Applied.Count > 0))
        {
            foreach (var edit in file.Applied)
            {
                environment.Error.WriteLine($"hostnet: {file.Original.Path}: {edit.RuleId} fixed: {Describe(edit)}");
                fixedCount++;
            }
        }

        var left = outcome.Report.Diagnostics.Where(d => !d.IsSuppressed).ToList();
        var summary = new StringBuilder($"hostnet: {fixedCount} fix(es) in {outcome.Files.Count(f => f.Changed)} file(s)");
        summary.Append(mode switch
        {
            FixOutput.Write => " written",
            FixOutput.Diff => " shown as a diff",
            _ => string.Empty,
        });
        if (left.Count > 0)
        {
            summary.Append($"; {left.Count} finding(s) left ({string.Join(", ", left.GroupBy(d => d.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"))}): run hostnet check to see them");
        }

        environment.Error.WriteLine(summary.ToString());
    }

    private static string Describe(FieldEdit edit) => edit switch
    {
        SetField set => $"set {set.Path} to {set.Value.ToJsonString()}",
        AddField add => $"added {add.TargetPath}: {add.Value.ToJsonString()}",
        AppendItem append => $"added {append.Value.ToJsonString()} to {append.Path}",
        RemoveField remove => $"removed {remove.TargetPath}",
        RenameField rename => $"renamed {rename.SourcePath} to {rename.TargetPath}",
        _ => edit.TargetPath,
    };

    private enum FixOutput
    {
        Stream,
        Write,
        Diff,
    }

    private sealed record FixRequest(
        string[] Paths,
        FixOutput Output,
        IReadOnlySet<string>? Rules,
        string FailOn,
        string? ConfigPath,
        string? KubeVersion);
}
